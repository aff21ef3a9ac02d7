/**
 * A candidate link: everything a candidate's browser needs to take an
 * assessment, in the URL's hash (/take#…) as base64url JSON, so the link
 * works from any static host and offline once the app is loaded, and never
 * reaches a server's logs. Decoding checks every field and says in words
 * what is wrong with a broken or edited link; it never throws.
 */

/** The link's lab: which one, and which version (its content hash). */
export interface LinkLab {
	id: string;
	title: string;
	hash: string;
}

/** Where results also go: an LRS and a key that may only write statements. */
export interface LinkLrs {
	endpoint: string;
	key: string;
	secret: string;
}

export interface CandidateLink {
	v: 1;
	assessment: {
		id: string;
		title: string;
		/** Time limit per lab, in minutes. */
		minutes: number;
		/** Pass mark in percent of the points. */
		passMark: number;
		/** Whether the candidate sees the score at the end. */
		showScore: boolean;
	};
	labs: LinkLab[];
	candidate: string;
	/** The variant seed of every lab in this link. */
	seed: number;
	lrs?: LinkLrs;
}

export type Decoded = { ok: true; link: CandidateLink } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The hash part of a candidate link (without the '#'). */
export function encodeLink(link: CandidateLink): string {
	return toBase64Url(new TextEncoder().encode(JSON.stringify(link)));
}

const BROKEN =
	'This assessment link is incomplete or damaged. Open the link exactly as you received it (copy all of it), or ask the person who sent it for a new one.';

const isText = (v: unknown, max = 500): v is string =>
	typeof v === 'string' && v.trim() !== '' && v.length <= max;
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a decoded link's content, or null when it is whole. */
function problemOf(data: unknown): string | null {
	if (!isObject(data) || data.v !== 1) return 'it is not a Deskdrill assessment link';
	const a = data.assessment;
	if (!isObject(a) || !isText(a.id, 100) || !isText(a.title, 200))
		return 'the assessment’s name is missing';
	if (typeof a.minutes !== 'number' || !(a.minutes >= 1 && a.minutes <= 600))
		return 'its time limit is not a number of minutes between 1 and 600';
	if (typeof a.passMark !== 'number' || !(a.passMark >= 0 && a.passMark <= 100))
		return 'its pass mark is not a percentage';
	if (typeof a.showScore !== 'boolean') return 'it does not say whether the score is shown';
	if (!Array.isArray(data.labs) || data.labs.length === 0 || data.labs.length > 20)
		return 'it names no labs';
	for (const lab of data.labs as unknown[])
		if (!isObject(lab) || !isText(lab.id, 100) || !isText(lab.title, 200) || !isText(lab.hash, 128))
			return 'one of its labs is not named properly';
	if (!isText(data.candidate, 200)) return 'the candidate is missing';
	if (typeof data.seed !== 'number' || !Number.isSafeInteger(data.seed) || data.seed < 0)
		return 'its variant number is not valid';
	if (data.lrs !== undefined) {
		const l = data.lrs;
		if (!isObject(l) || !isText(l.endpoint, 500) || !isText(l.key) || !isText(l.secret))
			return 'its Learning Record Store details are incomplete';
		if (!/^https?:\/\//.test(l.endpoint))
			return 'its Learning Record Store address is not a web address';
	}
	return null;
}

/** Decode the hash of a candidate link (with or without its leading '#'). */
export function decodeLink(hash: string): Decoded {
	const token = hash.replace(/^#/, '').trim();
	if (token === '')
		return {
			ok: false,
			message:
				'This page needs an assessment link. Open the link you were sent (it ends with a long code after “#”).'
		};
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(token)));
	} catch {
		return { ok: false, message: BROKEN };
	}
	const problem = problemOf(data);
	if (problem)
		return {
			ok: false,
			message: `This assessment link cannot be used: ${problem}. ${BROKEN.split('. ')[1]}`
		};
	const link = data as CandidateLink;
	return {
		ok: true,
		link: {
			v: 1,
			assessment: {
				id: link.assessment.id,
				title: link.assessment.title,
				minutes: link.assessment.minutes,
				passMark: link.assessment.passMark,
				showScore: link.assessment.showScore
			},
			labs: link.labs.map((l) => ({ id: l.id, title: l.title, hash: l.hash })),
			candidate: link.candidate.trim(),
			seed: link.seed,
			...(link.lrs
				? { lrs: { endpoint: link.lrs.endpoint, key: link.lrs.key, secret: link.lrs.secret } }
				: {})
		}
	};
}

/** A name for one candidate's taking of one assessment (the link's assessment, candidate and seed). */
export function takeId(link: Pick<CandidateLink, 'assessment' | 'candidate' | 'seed'>): string {
	return `${link.assessment.id}.${link.seed}`;
}
