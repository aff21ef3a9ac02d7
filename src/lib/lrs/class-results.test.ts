import { describe, expect, it } from 'vitest';
import {
	classCsv,
	classRows,
	labOf,
	parseIsoDuration,
	skillColumns,
	type StoredStatement
} from './class-results';
import { EXTENSIONS, VERBS, labActivityId, stepActivityId } from './vocabulary';

const LAB = labActivityId('banking-outage');
const OTHER = labActivityId('cfo-laptop');

type Actor = StoredStatement['actor'];
const ana: Actor = { objectType: 'Agent', name: 'Ana Ortiz', mbox: 'mailto:ana@example.org' };
const ben: Actor = { objectType: 'Agent', name: 'Ben Bauer', mbox: 'mailto:ben@example.org' };
const kim: Actor = {
	objectType: 'Agent',
	name: 'Kim',
	account: { homePage: 'https://lms.example.org', name: 'kim42' }
};

let n = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
const context = (registration: string, extra: object = {}) => ({
	registration,
	extensions: { [EXTENSIONS.labVersion]: 'abc123', [EXTENSIONS.mode]: 'practice' },
	...extra
});

/** The statements of one attempt as the sender shapes them; `finish` false stops after launch. */
function attempt(
	actor: Actor,
	registration: string,
	o: {
		lab?: string;
		start: number;
		scaled?: number;
		passed?: boolean;
		hints?: number;
		skills?: Record<string, { points: number; max: number }>;
		duration?: string;
		finish?: boolean;
	}
): StoredStatement[] {
	const lab = o.lab ?? LAB;
	const launched: StoredStatement = {
		id: `s${++n}`,
		actor,
		verb: { id: VERBS.launched },
		object: { id: lab, definition: { name: { 'en-US': 'Banking outage (from the LRS)' } } },
		context: context(registration),
		timestamp: at(o.start)
	};
	if (o.finish === false) return [launched];
	const answered: StoredStatement = {
		id: `s${++n}`,
		actor,
		verb: { id: VERBS.answered },
		object: { id: stepActivityId('banking-outage', 'open-ticket') },
		context: context(registration, { contextActivities: { parent: [{ id: lab }] } }),
		result: { success: true, score: { raw: 10, min: 0, max: 10, scaled: 1 } },
		timestamp: at(o.start + 1)
	};
	const max = 100;
	const verdict: StoredStatement = {
		id: `s${++n}`,
		actor,
		verb: { id: o.passed ? VERBS.passed : VERBS.failed },
		object: { id: lab },
		context: context(registration),
		result: {
			success: !!o.passed,
			score: { scaled: o.scaled, raw: (o.scaled ?? 0) * max, min: 0, max },
			extensions: {
				[EXTENSIONS.hints]: o.hints ?? 0,
				[EXTENSIONS.skills]: o.skills ?? {},
				[EXTENSIONS.solutionsShown]: []
			}
		},
		timestamp: at(o.start + 10)
	};
	const completed: StoredStatement = {
		id: `s${++n}`,
		actor,
		verb: { id: VERBS.completed },
		object: { id: lab },
		context: context(registration),
		result: { completion: true, duration: o.duration ?? 'PT10M' },
		timestamp: at(o.start + 10)
	};
	return [launched, answered, verdict, completed];
}

/** The LRS lists newest first; a sender retrying may land anything anywhere: shuffle. */
function shuffled<T>(items: T[], seed = 7): T[] {
	let s = seed;
	const keyed = items.map((item) => {
		s = (s * 16807) % 2147483647;
		return { item, key: s };
	});
	return keyed.sort((a, b) => a.key - b.key).map((k) => k.item);
}

describe('classRows', () => {
	const statements = [
		...attempt(ana, 'r-ana-1', {
			start: 0,
			scaled: 0.6,
			passed: false,
			hints: 3,
			skills: { intake: { points: 6, max: 10 } },
			duration: 'PT20M'
		}),
		...attempt(ana, 'r-ana-2', {
			start: 30,
			scaled: 0.9,
			passed: true,
			hints: 1,
			skills: { intake: { points: 9, max: 10 }, sla: { points: 4, max: 5 } },
			duration: 'PT12M30S'
		}),
		// Her third try, launched and abandoned: an attempt, the latest, with no score.
		...attempt(ana, 'r-ana-3', { start: 50, finish: false }),
		...attempt(ben, 'r-ben-1', {
			start: 5,
			scaled: 0.45,
			passed: false,
			hints: 0,
			duration: 'PT1H2M'
		})
	];

	it('gives one row per learner with attempts, best score and that attempt’s skills, time and hints', () => {
		const rows = classRows(shuffled(statements));
		expect(rows.map((r) => r.name)).toEqual(['Ana Ortiz', 'Ben Bauer']);
		const [a, b] = rows;
		expect(a).toMatchObject({
			lab: LAB,
			email: 'ana@example.org',
			attempts: 3,
			best: 0.9,
			passed: true,
			skills: { intake: { points: 9, max: 10 }, sla: { points: 4, max: 5 } },
			durationMs: 750_000,
			hints: 1,
			lastAt: Date.parse(at(50))
		});
		expect(b).toMatchObject({
			attempts: 1,
			best: 0.45,
			passed: false,
			hints: 0,
			durationMs: 3_720_000,
			lastAt: Date.parse(at(15))
		});
	});

	it('does not depend on the order statements arrive in', () => {
		const expected = classRows(statements);
		for (const seed of [1, 2, 3, 99])
			expect(classRows(shuffled(statements, seed))).toEqual(expected);
		expect(classRows([...statements].reverse())).toEqual(expected);
	});

	it('counts a launched-only attempt with no score, time or hints', () => {
		const rows = classRows(attempt(ben, 'r-only', { start: 0, finish: false }));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			attempts: 1,
			best: null,
			passed: false,
			skills: null,
			durationMs: null,
			hints: null,
			lastAt: Date.parse(at(0))
		});
	});

	it('takes a lab’s title from the catalogue, else from the launched statement', () => {
		const s = attempt(ana, 'r', { start: 0, scaled: 1, passed: true });
		expect(classRows(s)[0]?.labTitle).toBe('Banking outage (from the LRS)');
		expect(classRows(s, new Map([[LAB, 'Banking outage']]))[0]?.labTitle).toBe('Banking outage');
	});

	it('keys learners by e-mail (whatever its case) or by account, one row per lab', () => {
		const shouty = { ...ana, name: 'Ana O.', mbox: 'mailto:ANA@Example.org' };
		const rows = classRows([
			...attempt(ana, 'r1', { start: 0, scaled: 0.5, passed: false }),
			...attempt(shouty, 'r2', { start: 20, scaled: 0.7, passed: true }),
			...attempt(kim, 'r3', { start: 0, scaled: 0.8, passed: true }),
			...attempt(kim, 'r4', { lab: OTHER, start: 0, scaled: 0.2, passed: false })
		]);
		expect(rows).toHaveLength(3);
		const ana2 = rows.find((r) => r.email === 'ana@example.org');
		// The latest name wins: the learner corrected it.
		expect(ana2).toMatchObject({ name: 'Ana O.', attempts: 2, best: 0.7 });
		const kims = rows.filter((r) => r.name === 'Kim');
		expect(kims.map((r) => [r.lab, r.best, r.account])).toEqual(
			expect.arrayContaining([
				[LAB, 0.8, 'kim42 (https://lms.example.org)'],
				[OTHER, 0.2, 'kim42 (https://lms.example.org)']
			])
		);
	});

	it('keeps the latest verdict of an attempt sent twice, and scores from raw when scaled is missing', () => {
		const [launched, , first] = attempt(ben, 'r', { start: 0, scaled: 0.4, passed: false });
		if (!launched || !first) throw new Error('the fixture lost its statements');
		const later: StoredStatement = {
			...first,
			id: 'resent',
			timestamp: at(40),
			result: { ...first.result, score: { raw: 30, min: 0, max: 40 } }
		};
		expect(classRows([later, launched, first])[0]?.best).toBe(0.75);
	});

	it('ignores statements about no Deskdrill lab, or with no identifiable learner', () => {
		const stray: StoredStatement[] = [
			{ actor: ana, verb: { id: VERBS.passed }, object: { id: 'https://elsewhere.example/x' } },
			{ actor: {}, verb: { id: VERBS.passed }, object: { id: LAB } },
			{ verb: { id: VERBS.launched }, object: { id: LAB } }
		];
		expect(classRows(stray)).toEqual([]);
		expect(labOf({ object: { id: stepActivityId('banking-outage', 'x') } })).toBe(LAB);
	});
});

describe('parseIsoDuration', () => {
	it('reads the durations a sender writes, and refuses what is not one', () => {
		expect(parseIsoDuration('PT12M30S')).toBe(750_000);
		expect(parseIsoDuration('PT0S')).toBe(0);
		expect(parseIsoDuration('PT1.5S')).toBe(1500);
		expect(parseIsoDuration('P1DT2H')).toBe(26 * 3_600_000);
		for (const bad of ['', 'P', 'PT', '12:30', 'PT-5S', 5, null])
			expect(parseIsoDuration(bad)).toBeNull();
	});
});

describe('classCsv', () => {
	it('writes one quoted line per row, skills as points and max, formulas defused', () => {
		const rows = classRows([
			...attempt({ ...ana, name: '=HYPERLINK("http://evil")' }, 'r1', {
				start: 0,
				scaled: 0.875,
				passed: true,
				hints: 2,
				skills: { intake: { points: 7, max: 8 } },
				duration: 'PT12M30S'
			}),
			...attempt({ ...ben, name: 'Bauer, "Ben"' }, 'r2', { start: 3, finish: false })
		]);
		expect(skillColumns(rows)).toEqual(['intake']);
		const csv = classCsv(rows);
		const lines = csv.split('\r\n');
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(lines[0]).toBe(
			'"lab","lab title","learner","e-mail","account","attempts","best score %","passed","intake points","intake max","time (s)","hints","last attempt (UTC)"'
		);
		expect(lines[1]).toBe(
			`"${LAB}","Banking outage (from the LRS)","'=HYPERLINK(""http://evil"")","ana@example.org","","1","87.5","yes","7","8","750","2","2026-03-02T09:10:00.000Z"`
		);
		expect(lines[2]).toBe(
			`"${LAB}","Banking outage (from the LRS)","Bauer, ""Ben""","ben@example.org","","1","","no","","","","","2026-03-02T09:03:00.000Z"`
		);
		for (const starter of ['+', '-', '@']) {
			const csv2 = classCsv(
				classRows(attempt({ ...ana, name: `${starter}cmd` }, 'r', { start: 0 }))
			);
			expect(csv2).toContain(`"'${starter}cmd"`);
		}
	});
});
