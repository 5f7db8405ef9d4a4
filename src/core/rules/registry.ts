// Every rule family the engine runs, in order. A new family is added here and nowhere else.
import type { RuleFamily } from "./rule";
import { totalsFamily } from "./totals";
import { compositionFamily } from "./composition";
import { changeFamily } from "./change";
import { errorValueFamily } from "./error-values";
import { overviewFamily } from "./overview";
import { crossTableFamily } from "./cross-table";
import { economicFamily } from "./economic";
import { budgetYearFamily } from "./budget-year";
import { projectFundsFamily } from "./project-funds";
import { selfEvaluationFamily } from "./self-evaluation";
import { indicatorFamily } from "./indicators";
import { projectFormFamily } from "./project-form";
import { templateInputFamily } from "./template-inputs";
import { targetListFamily } from "./target-list";
import { departmentFamily } from "./department";
import { narrativeFamily } from "./narrative";
import { listingTotalsFamily } from "./listing-totals";

export const RULE_FAMILIES: readonly RuleFamily[] = [
  errorValueFamily,
  totalsFamily,
  compositionFamily,
  changeFamily,
  overviewFamily,
  crossTableFamily,
  economicFamily,
  projectFundsFamily,
  selfEvaluationFamily(),
  targetListFamily,
  listingTotalsFamily,
  departmentFamily(),
  projectFormFamily,
  indicatorFamily,
  templateInputFamily,
  budgetYearFamily,
  narrativeFamily,
];
