// Every rule family the engine runs, in order. A new family is added here and nowhere else.
import type { RuleFamily } from "./rule";
import { totalsFamily } from "./totals";

export const RULE_FAMILIES: readonly RuleFamily[] = [
  totalsFamily,
];
