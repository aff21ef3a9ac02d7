/**
 * The parts of the authoring guide (scenarios/README.md) that are generated
 * from the domain's own lists, so the guide cannot drift from what the
 * validator accepts: every command with its fields (domain/command-fields.ts),
 * and statuses, priorities, sources and roles by id (domain/types.ts,
 * domain/roles.ts). Each part sits between two HTML comments in the README;
 * `npm run scenarios:guide` rewrites them and guide-tables.test.ts fails when
 * the README is not in step.
 */
import {
	AGENT_SOURCES,
	COMMAND_FIELDS,
	DEFAULT_ROLES,
	PRIORITIES,
	SOURCES,
	STATUSES,
	type CommandField,
	type CommandType
} from '../domain';
import { kindWords, SCRIPT_NAMES } from '../scenarios/validate/command-fields';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

function valueWords(f: CommandField): string {
	if (f.name === 'ticketId') return "a bound ticket's name";
	if (f.name === 'mailId') return '`{ to, ticket, template }`';
	if (f.kind === 'enum') return `one of ${f.values.map(code).join(', ')}`;
	if (f.kind === 'list' && f.of.kind === 'enum')
		return `a list of: ${f.of.values.map(code).join(', ')}`;
	if (f.kind === 'list' && f.of.kind === 'id' && typeof f.of.table === 'string')
		return `a list of ${kindWords(f.of).replace(/^an? /, '')}s`;
	if (f.kind === 'list' && f.of.kind === 'object') return 'a list of mappings:';
	return kindWords(f);
}

/** The rows of a command's table: nested fields as `changes.priority`, `access[].deptId`. */
function rows(fields: readonly CommandField[], prefix = ''): string[] {
	return fields
		.filter((f) => !(prefix === '' && f.name === 'id'))
		.flatMap((f) => {
			const name = `${prefix}${SCRIPT_NAMES[f.name]?.name ?? f.name}`;
			const required = f.required ? 'yes' : '';
			const value = `${valueWords(f)}${f.nullable ? ', or null' : ''}`;
			const row = `| ${code(name)} | ${required} | ${cell(value)} | ${cell(f.description)} |`;
			if (f.kind === 'object') return [row, ...rows(f.fields, `${name}.`)];
			if (f.kind === 'list' && f.of.kind === 'object')
				return [row, ...rows(f.of.fields, `${name}[].`)];
			return [row];
		});
}

export function commandFieldsMarkdown(): string {
	const parts = (Object.keys(COMMAND_FIELDS) as CommandType[]).map((type) => {
		const { description, fields } = COMMAND_FIELDS[type];
		const body = rows(fields);
		const table = body.length
			? ['', '| field | required | value | what it is for |', '| --- | --- | --- | --- |', ...body]
			: ['', 'No fields of its own.'];
		return [`#### ${code(type)}`, '', description, ...table].join('\n');
	});
	return parts.join('\n\n');
}

export function idListsMarkdown(): string {
	const statuses = STATUSES.map((s) => `| ${code(s.id)} | ${s.name} | ${s.state} |`);
	const priorities = PRIORITIES.map((p) => `| ${code(p.id)} | ${p.name} |`);
	const roles = DEFAULT_ROLES.map(
		(r) =>
			`| ${code(r.id)} | ${r.name} | ${r.permissions.length ? r.permissions.map(code).join(', ') : 'none: it may only look'} |`
	);
	return [
		'Statuses (`status:` of `ticket.status`, `ticket.reply`, `ticket.note`; `equals:` of a `ticket` check on `field: status`):',
		'',
		'| id | osTicket shows | state |',
		'| --- | --- | --- |',
		...statuses,
		'',
		'Priorities (`priority:`):',
		'',
		'| id | osTicket shows |',
		'| --- | --- |',
		...priorities,
		'',
		`Sources, as osTicket shows them: ${SOURCES.map(code).join(', ')}; an agent opening a ticket picks one of ${AGENT_SOURCES.map(code).join(', ')}.`,
		'',
		"Roles (an agent's `roleId`, `access[].roleId`; a world may add its own in `roles:`):",
		'',
		'| id | osTicket shows | what it allows in a department |',
		'| --- | --- | --- |',
		...roles
	].join('\n');
}

/** The generated parts, by the name their markers carry. */
export const GUIDE_PARTS: Record<string, () => string> = {
	'command fields': commandFieldsMarkdown,
	ids: idListsMarkdown
};

const START = (name: string) =>
	`<!-- generated from the domain by npm run scenarios:guide: ${name} -->`;
const END = (name: string) => `<!-- end of generated: ${name} -->`;

/** The text between a part's markers, or null when the README has no such part. */
export function generatedPart(readme: string, name: string): string | null {
	const start = readme.indexOf(START(name));
	const end = readme.indexOf(END(name));
	if (start < 0 || end < start) return null;
	return readme.slice(start + START(name).length, end).trim();
}

/** The README with every generated part rewritten (parts without markers are left alone). */
export function refreshGuide(readme: string): string {
	let text = readme;
	for (const [name, make] of Object.entries(GUIDE_PARTS)) {
		const start = text.indexOf(START(name));
		const end = text.indexOf(END(name));
		if (start < 0 || end < start) continue;
		text = `${text.slice(0, start)}${START(name)}\n\n${make()}\n\n${text.slice(end)}`;
	}
	return text;
}

/** Markdown as compared: table padding and line wrapping are prettier's, not content. */
export function normaliseMarkdown(text: string): string {
	return text
		.split('\n')
		.map((line) =>
			/^\s*\|/.test(line)
				? line
						.trim()
						.split(/(?<!\\)\|/)
						.map((c) => c.trim().replace(/^:?-{3,}:?$/, '---'))
						.join('|')
				: line.trim()
		)
		.join('\n')
		.replace(/([^\n])\n(?=[^\n|#])/g, '$1 ')
		.replace(/\n{2,}/g, '\n\n')
		.trim();
}
