/**
 * osTicket's pager under a list (include/class.pagenate.php): "Page: [1] 2 3"
 * with up to five pages either side of the current one and « » to jump
 * further, and "Showing 1 - 25 of 40" on the right.
 */
export interface PageLinks {
	/** The page numbers to offer, the current one among them. */
	pages: number[];
	/** Where « goes, when there are pages before the first one offered. */
	back: number | null;
	/** Where » goes, when there are pages after the last one offered. */
	forward: number | null;
}

/** Pagenate::getPageLinks, with its span of five pages. */
export function pageLinks(page: number, pages: number, span = 5): PageLinks {
	let start = Math.floor(page - span);
	let stop = Math.ceil(page + span);
	const stopCredit = start < 1 ? -start : 0;
	const startCredit = stop > pages ? stop - pages : 0;
	start = start - startCredit > 0 ? start - startCredit : 1;
	stop = stop + stopCredit > pages ? pages : stop + stopCredit;
	const numbers: number[] = [];
	for (let i = start; i <= stop; i++) numbers.push(i);
	return {
		pages: numbers,
		back: start > 1 ? Math.max(1, start - span) : null,
		forward: stop < pages ? Math.min(pages, stop + span) : null
	};
}

/** Pagenate::showing: "Showing 26 - 40 of 40". */
export function showing(page: number, size: number, total: number): string {
	if (total <= 0) return 'Showing 0';
	const from = (page - 1) * size + 1;
	const to = Math.min(total, page * size);
	return `Showing ${from} - ${to} of ${total}`;
}

/** The arrow a sortable heading shows for its aria-sort (osTicket's ▲ ▼, or ⇅ when the list is not sorted by it). */
export function sortArrow(sort: 'ascending' | 'descending' | undefined): string {
	return sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '⇅';
}
