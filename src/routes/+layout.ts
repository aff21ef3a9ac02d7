// Client-only SPA: no server rendering, no prerendering.
// adapter-static serves build/index.html as the fallback for every route.
export const ssr = false;
export const prerender = false;
