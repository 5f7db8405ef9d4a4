// The files `check` is given: files as named, folders walked recursively. In a folder, .xlsx and
// .xlsm files are checked and every other file is listed as skipped with the reason; a file named
// on the command line is always checked (the reader says what is wrong with an .xls or a .pdf).
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";

export interface InputFile {
  /** The path as given or as found under a given folder. */
  file: string;
  /** The folder argument it was found under, for laying out annotated copies; undefined when named. */
  root?: string;
}

export interface SkippedFile {
  file: string;
  reason: { zh: string; en: string };
}

export interface Inputs {
  files: InputFile[];
  skipped: SkippedFile[];
  /** Paths that do not exist (or cannot be opened), with the message to print. */
  missing: { file: string; message: { zh: string; en: string } }[];
}

export const CHECKED_EXTENSIONS = [".xlsx", ".xlsm"];

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function skipReason(name: string): SkippedFile["reason"] | undefined {
  const ext = path.extname(name).toLowerCase();
  if (CHECKED_EXTENSIONS.includes(ext)) {
    if (name.startsWith("~$")) return { zh: "Excel 打开文件时留下的临时锁文件", en: "a lock file Excel leaves while the workbook is open" };
    return undefined;
  }
  if (ext === ".xls") return { zh: "旧版 Excel 97-2003（.xls）格式，请另存为 .xlsx", en: "old Excel 97-2003 (.xls) format; save it as .xlsx" };
  if (ext === ".xlsb") return { zh: "Excel 二进制工作簿（.xlsb），请另存为 .xlsx", en: "Excel binary workbook (.xlsb); save it as .xlsx" };
  if (ext === ".ods") return { zh: "OpenDocument 表格（.ods），请另存为 .xlsx", en: "OpenDocument spreadsheet (.ods); save it as .xlsx" };
  const kind = ext === "" ? { zh: "无扩展名", en: "no extension" } : { zh: ext, en: ext };
  return { zh: `不是 Excel 工作簿（${kind.zh}）`, en: `not an Excel workbook (${kind.en})` };
}

export function collectInputs(args: readonly string[]): Inputs {
  const inputs: Inputs = { files: [], skipped: [], missing: [] };
  const seenFolders = new Set<string>();
  const walk = (folder: string, root: string) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (seenFolders.has(real)) return; // a symbolic link back up the tree
    seenFolders.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort(byName);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      inputs.missing.push({ file: folder, message: { zh: `无法读取文件夹：${folder}（${code}）`, en: `cannot read the folder ${folder} (${code})` } });
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) walk(full, root);
      else if (isFile) {
        const reason = skipReason(entry.name);
        if (reason) inputs.skipped.push({ file: full, reason });
        else inputs.files.push({ file: full, root });
      }
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      inputs.missing.push({
        file: arg,
        message:
          code === "ENOENT"
            ? { zh: `找不到文件或文件夹：${arg}`, en: `no such file or folder: ${arg}` }
            : { zh: `无法打开：${arg}（${code ?? "error"}）`, en: `cannot open ${arg} (${code ?? "error"})` },
      });
      continue;
    }
    if (stat.isDirectory()) walk(arg, arg);
    else inputs.files.push({ file: arg });
  }
  return inputs;
}
