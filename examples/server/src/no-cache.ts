// The cache that keeps nothing (`CACHE=off`) lives with core's cache adapters, where its
// conformance suites run; re-exported so the app's import stays where it was.
export { noCache } from '@dukaan-kit/core/keyv';
