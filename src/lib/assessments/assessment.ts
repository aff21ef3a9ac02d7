/**
 * An assessment as the hiring manager creates it: labs (each at the version
 * this app has, by content hash), a time limit per lab, a pass mark, whether
 * candidates see their score, and one candidate link per candidate with its
 * own variant seed. Kept in the workspace's settings table under
 * `assessment:<id>` (no schema change; settings are never in backups, so an
 * LRS key in a link stays in this browser).
 */
import { workspaceDb } from '../db/attempts-db';
import { csvCell } from '../services/report';
import { scenarioHash } from '../scenarios/hash';
import type { Scenario } from '../scenarios/types';
import { encodeLink, type CandidateLink, type LinkLab, type LinkLrs } from './link';

export interface AssessmentCandidate {
	candidate: string;
	seed: number;
	/** The link's hash part (encodeLink). */
	token: string;
}

export interface Assessment {
	id: string;
	title: string;
	createdAt: number;
	labs: LinkLab[];
	minutes: number;
	passMark: number;
	showScore: boolean;
	/** Results also go to this LRS (the key should be one that may only write). */
	lrs: LinkLrs | null;
	candidates: AssessmentCandidate[];
}

export interface NewAssessment {
	title: string;
	labs: Scenario[];
	minutes: number;
	passMark: number;
	showScore: boolean;
	/** One candidate per line: a name or an e-mail. */
	candidates: string;
	lrs: LinkLrs | null;
}

export class AssessmentError extends Error {
	override name = 'AssessmentError';
}

const KEY = 'assessment:';

/** The candidates of a text box: one a line, blank lines dropped, each once. */
export function candidateLines(text: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const line of text.split(/\r?\n/)) {
		const name = line.trim();
		if (name && !seen.has(name.toLowerCase())) {
			seen.add(name.toLowerCase());
			out.push(name);
		}
	}
	return out;
}

/** A random 32-bit number from the browser's cryptographic generator. */
export function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/**
 * The assessment, with a link per candidate. Seeds start at a random number
 * and follow on (a variant is the seed modulo the lab's number of variants),
 * so neighbouring candidates never get the same variant while there are
 * variants enough. Throws AssessmentError with the reason in words.
 */
export async function createAssessment(
	input: NewAssessment,
	now = Date.now(),
	random = randomSeed
): Promise<Assessment> {
	const title = input.title.trim();
	if (!title) throw new AssessmentError('Give the assessment a name.');
	if (input.labs.length === 0) throw new AssessmentError('Choose at least one lab.');
	if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 600)
		throw new AssessmentError('The time limit must be a whole number of minutes from 1 to 600.');
	if (!Number.isFinite(input.passMark) || input.passMark < 0 || input.passMark > 100)
		throw new AssessmentError('The pass mark must be a percentage from 0 to 100.');
	const names = candidateLines(input.candidates);
	if (names.length === 0) throw new AssessmentError('Enter at least one candidate (one per line).');
	if (names.length > 500) throw new AssessmentError('Enter at most 500 candidates at once.');
	const labs = await Promise.all(
		input.labs.map(async (s) => ({ id: s.id, title: s.title, hash: await scenarioHash(s) }))
	);
	const id = `${now.toString(36)}-${random().toString(36)}`;
	const base = random() % 2 ** 31;
	const settings = {
		id,
		title,
		minutes: input.minutes,
		passMark: input.passMark,
		showScore: input.showScore
	};
	const candidates = names.map((candidate, i) => {
		const link: CandidateLink = {
			v: 1,
			assessment: settings,
			labs,
			candidate,
			seed: base + i,
			...(input.lrs ? { lrs: input.lrs } : {})
		};
		return { candidate, seed: link.seed, token: encodeLink(link) };
	});
	return { ...settings, createdAt: now, labs, lrs: input.lrs, candidates };
}

/** A candidate's full link, from the app's /take address. */
export function candidateUrl(takeUrl: string, candidate: AssessmentCandidate): string {
	return `${takeUrl}#${candidate.token}`;
}

/** The links as CSV: candidate, assessment, seed, link. */
export function linksCsv(assessment: Assessment, takeUrl: string): string {
	const rows = [['candidate', 'assessment', 'variant seed', 'link']].concat(
		assessment.candidates.map((c) => [
			c.candidate,
			assessment.title,
			String(c.seed),
			candidateUrl(takeUrl, c)
		])
	);
	return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export async function saveAssessment(assessment: Assessment): Promise<void> {
	await workspaceDb().settings.put({
		key: KEY + assessment.id,
		value: JSON.parse(JSON.stringify(assessment)) as unknown
	});
}

/** Every assessment created in this browser, newest first. */
export async function listAssessments(): Promise<Assessment[]> {
	const rows = await workspaceDb().settings.where('key').startsWith(KEY).toArray();
	return rows.map((r) => r.value as Assessment).sort((a, b) => b.createdAt - a.createdAt);
}

export async function findAssessment(id: string): Promise<Assessment | null> {
	const row = await workspaceDb().settings.get(KEY + id);
	return (row?.value as Assessment | undefined) ?? null;
}

export async function deleteAssessment(id: string): Promise<void> {
	await workspaceDb().settings.delete(KEY + id);
}
