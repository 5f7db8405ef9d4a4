// Every written template opens in LibreOffice and prints: converted to PDF, its first page kept as a
// PNG under test-results/templates/ to look at. A missing converter fails the test, naming what to install.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEMPLATE_CASES, writeCase } from "./template-cases";

const RESULTS = path.join(__dirname, "..", "..", "test-results", "templates");
const INSTALL_HINT = "install it with: apt-get install -y libreoffice-calc poppler-utils fonts-wqy-zenhei";

function binary(name: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  if (found.status !== 0 || found.stdout.trim() === "") throw new Error(`${name} is not installed; ${INSTALL_HINT}`);
  return found.stdout.trim();
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bc-lo-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test.each(TEMPLATE_CASES.map((c) => [c.name, c] as const))(
  "%s converts to a PDF whose first page is kept as a PNG",
  async (name, testCase) => {
    const libreoffice = binary("libreoffice");
    const pdftoppm = binary("pdftoppm");
    const { bytes } = await writeCase(testCase);
    const xlsx = path.join(work, `${name}.xlsx`);
    fs.writeFileSync(xlsx, bytes);
    // A profile of its own, so a parallel run or a user's LibreOffice does not lock the conversion.
    const profile = `file://${path.join(work, `profile-${name}`)}`;
    const convert = spawnSync(libreoffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, xlsx], {
      encoding: "utf8",
      timeout: 120000,
    });
    const pdf = path.join(work, `${name}.pdf`);
    expect({ status: convert.status, pdf: fs.existsSync(pdf) }).toEqual({ status: 0, pdf: true });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    fs.mkdirSync(RESULTS, { recursive: true });
    const prefix = path.join(RESULTS, name);
    const render = spawnSync(pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, prefix], { encoding: "utf8", timeout: 60000 });
    expect(render.status).toBe(0);
    const png = fs.readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // An A4 page at 60 dpi is about 496 × 702 pixels (portrait) or 702 × 496 (landscape).
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(Math.max(width, height)).toBeGreaterThan(650);
    expect(width > height).toBe(testCase.kind === "project-self-evaluation");
  },
  180000,
);
