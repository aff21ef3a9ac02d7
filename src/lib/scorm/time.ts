/**
 * Session time in the two formats the SCORM run-times accept: SCORM 1.2's
 * CMITimespan (HHHH:MM:SS.SS) and SCORM 2004's ISO 8601 duration
 * (PT#H#M#S, at most two decimals of a second). Pure.
 */

/** SCORM 1.2 cmi.core.session_time: HHHH:MM:SS.SS (hours 2 to 4 digits, capped at 9999). */
export function scorm12Time(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const hours = Math.min(9999, Math.floor(cs / 360_000));
	const minutes = Math.floor((cs % 360_000) / 6000);
	const seconds = (cs % 6000) / 100;
	const pad = (n: number, width: number) => String(n).padStart(width, '0');
	return `${pad(hours, 2)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 cmi.session_time: an ISO 8601 duration such as PT1H2M3.45S (PT0S for nothing). */
export function scorm2004Time(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const hours = Math.floor(cs / 360_000);
	const minutes = Math.floor((cs % 360_000) / 6000);
	const seconds = (cs % 6000) / 100;
	let out = 'PT';
	if (hours) out += `${hours}H`;
	if (minutes) out += `${minutes}M`;
	if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
	return out;
}
