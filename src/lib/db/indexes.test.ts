import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorldStore } from './world-store';
import { JANE, KAREN, KEN, freshId, openBco, seedWorld, subjectOf } from './test-helpers';

describe('queue indexes', () => {
	it('answer the queues’ queries from IndexedDB', async () => {
		const store = await createWorldStore(freshId('idx'), seedWorld());
		const opens = [
			await store.run(KAREN, openBco),
			await store.run(KEN, { ...openBco, topicId: 'general', subject: 'Statement question' }),
			await store.run(KAREN, { ...openBco, subject: 'Cards declined' })
		];
		const [t1, t2, t3] = opens.map((r) => subjectOf(r));
		await store.run(JANE, { type: 'ticket.transfer', ticketId: t3 as string, deptId: 'sysadmins' });
		// A reply, so Karen has mail (the new-ticket auto-response is off, as in a fresh osTicket).
		await store.run(JANE, { type: 'ticket.reply', ticketId: t1 as string, body: 'On it.' });
		await store.run(JANE, {
			type: 'ticket.status',
			ticketId: t2 as string,
			status: 'closed'
		});
		const tickets = store.world.tickets;
		expect(tickets[t2 as string]?.status).toBe('closed');
		const db = store.db;

		const openSupport = await db.tickets
			.where('[status+deptId]')
			.equals(['open', 'support'])
			.primaryKeys();
		expect(openSupport).toEqual([t1]);
		const openSysadmins = await db.tickets
			.where('[status+deptId]')
			.equals(['open', 'sysadmins'])
			.primaryKeys();
		expect(openSysadmins).toEqual([t3]);
		const closedSupport = await db.tickets
			.where('[status+deptId]')
			.equals(['closed', 'support'])
			.primaryKeys();
		expect(closedSupport).toEqual([t2]);

		for (const id of [t1, t2, t3]) {
			const ticket = tickets[id as string];
			const byNumber = await db.tickets
				.where('number')
				.equals(ticket?.number as string)
				.toArray();
			expect(byNumber.map((t) => t.id)).toEqual([id]);
		}
		expect(await db.tickets.where('number').equals('no-such-number').count()).toBe(0);

		// Owner, due-date order, events of a ticket, one recipient's mail.
		expect((await db.tickets.where('userId').equals('karen').primaryKeys()).sort()).toEqual(
			[t1, t3].sort()
		);
		const byDue = await db.tickets.orderBy('dueAt').primaryKeys();
		const expectedDue = Object.values(tickets)
			.filter((t) => t.dueAt !== null)
			.sort((x, y) => (x.dueAt as number) - (y.dueAt as number) || x.id.localeCompare(y.id))
			.map((t) => t.id);
		expect(byDue).toEqual(expectedDue);
		const events = await db.events
			.where('ticketId')
			.equals(t3 as string)
			.toArray();
		expect(events).toStrictEqual(store.world.events.filter((e) => e.ticketId === t3));
		expect(events.map((e) => e.type)).toContain('ticket.transferred');
		const karenMail = await db.mails.where('[toKind+toId]').equals(['user', 'karen']).toArray();
		expect(karenMail.map((m) => m.id).sort()).toEqual(
			store.world.mails
				.filter((m) => m.to.kind === 'user' && m.to.id === 'karen')
				.map((m) => m.id)
				.sort()
		);
		expect(karenMail.length).toBeGreaterThan(0);

		// &number is unique: a second ticket with a taken number is refused by IndexedDB.
		const copy = { ...(await db.tickets.get(t1 as string))!, id: 'other' };
		await expect(db.tickets.add(copy)).rejects.toMatchObject({ name: 'ConstraintError' });
		store.close();
	});
});
