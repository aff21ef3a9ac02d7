#!/usr/bin/env node
// Writes static/icon-192.png and icon-512.png: the Deskdrill mark (a white
// ticket on the theme blue), drawn pixel by pixel so no image tool is needed.
// Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = new Uint32Array(256).map((_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
/** @param {Buffer} buf */
const crc32 = (buf) => {
	let c = 0xffffffff;
	for (const b of buf) c = /** @type {number} */ (CRC[(c ^ b) & 0xff]) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
};
/** @param {string} type @param {Buffer} data */
const chunk = (type, data) => {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
};

/** @param {number} size */
function icon(size) {
	const rows = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3);
		for (let x = 0; x < size; x++) {
			const u = x / size;
			const v = y / size;
			// A ticket: a white rounded band with a punched notch on each side, and three text lines.
			const inTicket = u > 0.18 && u < 0.82 && v > 0.28 && v < 0.72;
			const notch = Math.hypot(u - 0.18, v - 0.5) < 0.07 || Math.hypot(u - 0.82, v - 0.5) < 0.07;
			const line =
				u > 0.3 &&
				u < 0.7 &&
				[0.4, 0.5, 0.6].some((l) => Math.abs(v - l) < 0.018) &&
				!(v > 0.58 && u > 0.55);
			const [r, g, b] =
				inTicket && !notch ? (line ? [11, 92, 173] : [255, 255, 255]) : [11, 92, 173];
			row[1 + x * 3] = r;
			row[2 + x * 3] = g;
			row[3 + x * 3] = b;
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

for (const size of [192, 512])
	writeFileSync(new URL(`../static/icon-${size}.png`, import.meta.url), icon(size));
console.log('wrote static/icon-192.png and static/icon-512.png');
