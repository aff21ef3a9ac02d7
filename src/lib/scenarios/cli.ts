// TEMPORARY PLACEHOLDER: the lead will replace this with the real scenario CLI
// (`check` validates scenario files, `test` runs scenario tests).
// For now it accepts `check` or `test`, reports nothing run, and exits 0.
const command = process.argv[2] ?? 'test';
if (command !== 'check' && command !== 'test') {
	console.error(`unknown command: ${command} (expected "check" or "test")`);
	process.exit(2);
}
console.log('0 passed, 0 failed');
process.exit(0);
