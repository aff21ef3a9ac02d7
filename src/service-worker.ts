/// <reference types="@sveltejs/kit" />
/**
 * Offline after one visit: the build (with the bundled scenarios, which are
 * part of the JavaScript) and the static files are precached; navigations fall
 * back to the cached app shell. A new version installs in the background and
 * waits: the page offers "reload" and only then does it take over, so a lab is
 * never switched to a new version half-way.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `deskdrill-${version}`;
const SHELL = '/';
const ASSETS = [...build, ...files, SHELL];

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches.keys().then(async (keys) => {
			for (const key of keys) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			if (ASSETS.includes(url.pathname)) {
				const hit = await cache.match(url.pathname);
				if (hit) return hit;
			}
			try {
				const response = await fetch(request);
				if (response.ok && response.type === 'basic' && !url.pathname.startsWith('/@'))
					await cache.put(request, response.clone());
				return response;
			} catch (error) {
				const cached = await cache.match(request);
				if (cached) return cached;
				// An app route while offline: the SPA shell renders it from IndexedDB.
				if (request.mode === 'navigate') {
					const shell = await cache.match(SHELL);
					if (shell) return shell;
				}
				throw error;
			}
		})()
	);
});
