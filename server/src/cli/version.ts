/** The CLI's version: one constant below every folder (util/), so the cache can key on it too. */
export { VERSION } from '../util/version';
