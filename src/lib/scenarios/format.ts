/** `file:line:column: path: message`, the form editors and CI logs link to (no parser needed to print one). */
export function formatProblem(p: {
	file: string;
	line: number;
	column: number;
	path: string;
	message: string;
}): string {
	return `${p.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}
