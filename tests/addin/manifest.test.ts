// manifest.xml: valid against Microsoft's add-in schemas (offline), every resource id defined, every
// icon present, and a validator that really rejects a broken manifest.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");
const schemaDir = path.join(repoRoot, "..", "shared", "manifest-xsd");
const manifestPath = path.join(repoRoot, "manifest.xml");
const manifest = readFileSync(manifestPath, "utf8");

function validate(file: string): { valid: boolean; errors: string[] } {
  const output = execFileSync(process.execPath, [path.join(__dirname, "validate-manifest.mjs"), schemaDir, file], { cwd: repoRoot, encoding: "utf8" });
  return JSON.parse(output);
}

function withManifestText(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "manifest-")), "manifest.xml");
  writeFileSync(file, text);
  return file;
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest schemas", () => {
    expect(validate(manifestPath)).toEqual({ valid: true, errors: [] });
  });

  it("is rejected by the same validator when an element is out of order or the version is malformed", () => {
    const requirements = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(manifest)![0];
    const misordered = manifest.replace(requirements, "").replace("</Permissions>", `</Permissions>${requirements}`);
    const misorderedResult = validate(withManifestText(misordered));
    expect(misorderedResult.valid).toBe(false);
    expect(misorderedResult.errors.join("\n")).toMatch(/Requirements/);

    const badVersion = validate(withManifestText(manifest.replace(/<Version>[^<]*<\/Version>/, "<Version>1.0.0.0.1</Version>")));
    expect(badVersion.valid).toBe(false);
    expect(badVersion.errors.join("\n")).toMatch(/Version/);
  });

  it("defines every resource id it refers to, once", () => {
    const referenced = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((match) => match[1]));
    const defined = [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((match) => match[1]);
    expect(referenced.size).toBeGreaterThan(0);
    for (const id of referenced) expect(defined).toContain(id);
    expect(new Set(defined).size).toBe(defined.length);
  });

  it("points every icon at a PNG in assets/ of the size it declares", () => {
    const iconUrls = [...manifest.matchAll(/(?:DefaultValue)="https:\/\/localhost:3000\/(assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(iconUrls.length).toBeGreaterThanOrEqual(4);
    for (const relative of iconUrls) {
      const file = path.join(repoRoot, relative);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      const declared = Number(/icon-(\d+)\.png$/.exec(relative)![1]);
      // PNG width and height are the two big-endian words after the IHDR tag.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([declared, declared]);
    }
  });

  it("keeps every URL on one origin and names zh-CN the default locale with an en-US override", () => {
    const origins = new Set([...manifest.matchAll(/https:\/\/[a-z0-9.-]+(?::\d+)?/gi)].map((match) => match[0]).filter((origin) => !origin.includes("schemas.microsoft.com")));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(manifest).toMatch(/<DisplayName DefaultValue="预算绩效表格校验">\s*<Override Locale="en-US"/);
  });
});
