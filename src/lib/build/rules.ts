// Reads the rules files from disk (the parsing and checks are in lib/validation/rules.ts).
import {readFileSync} from "node:fs";
import {type ConsistencyRule, type Rules, parseConsistencyRules, parseRules} from "../validation/rules.js";

export type {ConsistencyRule, Rules};

export function readRules(path: string, display: string): Rules {
  return parseRules(readFileSync(path, "utf-8"), display);
}

export function readConsistencyRules(path: string, display: string): ConsistencyRule[] {
  return parseConsistencyRules(readFileSync(path, "utf-8"), display);
}
