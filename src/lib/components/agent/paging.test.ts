/** The pager follows osTicket's Pagenate (include/class.pagenate.php: getPageLinks, showing). */
import { describe, expect, it } from 'vitest';
import { pageLinks, showing, sortArrow } from './paging';

describe('the pager', () => {
	it('offers every page of a short list', () => {
		expect(pageLinks(1, 3)).toEqual({ pages: [1, 2, 3], back: null, forward: null });
		expect(pageLinks(1, 1).pages).toEqual([1]);
	});

	it('offers five pages either side of the current one, with « and » beyond', () => {
		const middle = pageLinks(20, 40);
		expect(middle.pages).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
		expect(middle.back).toBe(10);
		expect(middle.forward).toBe(30);
		// Near an end the window slides, as Pagenate's credits make it.
		expect(pageLinks(1, 40).pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(pageLinks(1, 40).back).toBeNull();
		expect(pageLinks(40, 40).pages.at(-1)).toBe(40);
		expect(pageLinks(40, 40).forward).toBeNull();
	});

	it('says what is shown as osTicket does', () => {
		expect(showing(1, 25, 40)).toBe('Showing 1 - 25 of 40');
		expect(showing(2, 25, 40)).toBe('Showing 26 - 40 of 40');
		expect(showing(1, 25, 0)).toBe('Showing 0');
	});
});

describe('sortArrow', () => {
	it('shows osTicket’s arrow for the sorted direction, and ⇅ for an unsorted heading', () => {
		expect(sortArrow('ascending')).toBe('▲');
		expect(sortArrow('descending')).toBe('▼');
		expect(sortArrow(undefined)).toBe('⇅');
	});
});
