// Which rule pack governs a form: the pack the user named (check --rules) when it is for this kind of
// form, else the pack a bureau's template carries on its marker sheet, else none (the caller then
// chooses by what the form shows, RULES 1.5). Read once per check.
import { builtinPack, loadRulePack, type RulePack } from "../packs";
import { readTemplateMarkers } from "../templates/markers";
import type { RuleContext } from "./rule";

const markedByContext = new WeakMap<RuleContext, Map<string, RulePack>>();

/** Packs named by the template markers of the workbook, by sheet: a bureau's template carries its own pack. */
export function markedPacks(context: RuleContext): Map<string, RulePack> {
  let packs = markedByContext.get(context);
  if (packs) return packs;
  packs = new Map<string, RulePack>();
  for (const marker of readTemplateMarkers(context.workbook)) {
    let pack: RulePack | undefined;
    if (marker.packJson) {
      try {
        pack = loadRulePack(JSON.parse(marker.packJson));
      } catch {
        pack = undefined; // a damaged embedded pack falls back to the pack id, then to detection
      }
    }
    pack ??= builtinPack(marker.packId);
    if (pack) packs.set(marker.sheet, pack);
  }
  markedByContext.set(context, packs);
  return packs;
}

/** The pack the user or the template names for a form of this kind on this sheet, if any. */
export function namedPackFor(context: RuleContext, sheet: string, formKind: RulePack["formKind"]): RulePack | undefined {
  if (context.pack && context.pack.formKind === formKind) return context.pack;
  const fromTemplate = markedPacks(context).get(sheet);
  return fromTemplate && fromTemplate.formKind === formKind ? fromTemplate : undefined;
}
