// Every named query of the site, by page family, with the Query type: what pages, the build-time
// snapshot and tests import.
export {type IndicatorColumns, type Query, sqlString} from "./query.js";
export * from "./home.js";
export * from "./map.js";
export * from "./commune.js";
export * from "./programme.js";
export * from "./dictionary.js";
export * from "./editions.js";
