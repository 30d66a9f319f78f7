import { VERSION } from '../util/version';

declare const __SOC2_BUILD__: string | undefined;

/**
 * What produced a cache: the version, and in a bundle the hash of the sources it was built from
 * (scripts/build.mjs defines it), so a new build never reads models an older one wrote in another shape.
 * Running from the sources (tests) there is no such hash; the version and 'source' stand in.
 */
export const TOOL_BUILD = `${VERSION}+${typeof __SOC2_BUILD__ === 'string' ? __SOC2_BUILD__ : 'source'}`;
