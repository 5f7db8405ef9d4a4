// Help texts of `budget-check`, in Chinese (default) and English (`--lang en`). Kept free of imports
// so that `budget-check --help` starts without loading the engine.
export type HelpLang = "zh" | "en";

const MAIN = {
  zh: `budget-check —— 预算绩效表格校验

用法：
  budget-check check [文件或文件夹…] [选项]    检查工作簿（.xlsx / .xlsm），文件夹按子目录递归
  budget-check template --kind <表格类型> --out <文件.xlsx> [选项]    生成供下发的空白模板
  budget-check --help [--lang en]            显示本帮助（--lang en：英文）
  budget-check <命令> --help                  显示某个命令的帮助

退出码：0 没有错误级问题；1 至少一个错误级问题；2 有文件无法读取，或参数有误。
`,
  en: `budget-check — checks budget and performance-target tables in Excel workbooks

Usage:
  budget-check check [file or folder…] [options]    check workbooks (.xlsx / .xlsm); folders recursively
  budget-check template --kind <kind> --out <file.xlsx> [options]    write a blank template to distribute
  budget-check --help [--lang en]            this help (--lang zh: Chinese)
  budget-check <command> --help              help on one command

Exit code: 0 no error-level finding; 1 at least one; 2 a file could not be read or the arguments are wrong.
`,
};

const CHECK = {
  zh: `用法：budget-check check [文件或文件夹…] [选项]

不指定文件时检查自带的示例工作簿。文件夹中的 .xlsx / .xlsm 会被检查（含子文件夹），其他文件列为“跳过”并说明原因。
多个文件分给本机的各个处理器核心并行检查。

选项：
  --format text|json|csv   输出格式：text（默认，逐表列出问题，最后是汇总表）、json（供其他程序读取）、
                           csv（每个问题一行，UTF-8 带 BOM，Excel 可直接打开）
  --lang zh|en             问题说明的语言（默认 zh）
  --rules <规则包.json>     使用本局的规则包，而不是自动选择的规则包
  --report <汇总.xlsx>      另写一个审核汇总工作簿：“汇总”表每个文件一行，“明细”表每个问题一行
  --annotate <文件夹>       把每个工作簿的批注副本写到该文件夹：问题单元格加底色和批注，末尾加“审核报告”表
                           （原文件不变）
  --jobs <n>               并行检查的线程数（默认：可用的处理器核心数）
  -h, --help               显示本帮助

退出码：0 没有错误级问题；1 至少一个错误级问题；2 有文件无法读取，或参数有误。
`,
  en: `Usage: budget-check check [file or folder…] [options]

With no file, checks the bundled sample workbook. In a folder, every .xlsx / .xlsm is checked (subfolders
too); other files are listed as skipped, with the reason. Files are checked in parallel on the machine's cores.

Options:
  --format text|json|csv   text (default: findings per table, then a summary table), json (for other
                           tools), csv (one row per finding, UTF-8 with BOM so that Excel opens it)
  --lang zh|en             language of the messages (default zh)
  --rules <pack.json>      a rule pack of your finance bureau instead of the automatic choice
  --report <summary.xlsx>  also write a review workbook: sheet 汇总 has one row per file, 明细 one per finding
  --annotate <folder>      write an annotated copy of each workbook there: finding cells highlighted, with a
                           note, and a 审核报告 sheet at the end (the original file is not changed)
  --jobs <n>               number of parallel workers (default: the available cores)
  -h, --help               this help

Exit code: 0 no error-level finding; 1 at least one; 2 a file could not be read or the arguments are wrong.
`,
};

const TEMPLATE = {
  zh: `用法：budget-check template --kind <表格类型> --out <文件.xlsx> [选项]

表格类型：project-performance-target（项目支出绩效目标表）、department-performance-target（部门整体支出绩效目标申报表）、
         project-self-evaluation（项目支出绩效自评表）

选项：
  --variant cost-first|legacy   指标体系：成本指标为一级（默认）或成本在产出下
  --rules <规则包.json>          嵌入本局规则包；收回的工作簿按它检查
  --year <年度>                  年度（默认明年）
  --project / --department / --unit <文字>    预填项目名称、主管部门、实施单位
  --rows <n>                    每类指标的行数
  --out <文件.xlsx>              输出文件（必填）
`,
  en: `Usage: budget-check template --kind <kind> --out <file.xlsx> [options]

Kinds: project-performance-target, department-performance-target, project-self-evaluation

Options:
  --variant cost-first|legacy   indicator framework: 成本指标 as a 一级 (default) or under 产出指标
  --rules <pack.json>           embed the bureau's rule pack; the returned workbook is checked with it
  --year <year>                 budget year (default: next year)
  --project / --department / --unit <text>    pre-fill the project, department, implementing unit
  --rows <n>                    indicator rows per category
  --out <file.xlsx>             output file (required)
`,
};

export const HELP = { main: MAIN, check: CHECK, template: TEMPLATE } as const;
