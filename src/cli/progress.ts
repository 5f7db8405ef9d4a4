// The progress line of `check` on stderr, drawn only when stderr is a terminal: files done / total,
// elapsed time and the file being checked, redrawn in place and wiped at the end.
import type { Progress } from "./pool";
import { displayWidth } from "./summary";

export interface ProgressBar {
  update(progress: Progress): void;
  finish(): void;
}

const NO_BAR: ProgressBar = { update() {}, finish() {} };

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** Keeps the end of a long path: the file name is the part worth seeing. */
function tail(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let out = "";
  for (let i = chars.length - 1; i >= 0 && displayWidth("…" + chars[i] + out) <= width; i--) out = chars[i] + out;
  return "…" + out;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return NO_BAR;
  const started = Date.now();
  let last = 0;
  let latest: Progress | undefined;
  const draw = () => {
    if (!latest) return;
    const { done, total, current } = latest;
    const cells = 20;
    const filled = total === 0 ? cells : Math.round((done / total) * cells);
    const head = `[${"█".repeat(filled)}${"░".repeat(cells - filled)}] ${done}/${total}  ${clock(Date.now() - started)}`;
    const room = (stream.columns || 80) - displayWidth(head) - 3;
    const name = current && room > 8 ? `  ${tail(current, room)}` : "";
    stream.write(`\r\x1b[2K${head}${name}`);
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    update(progress) {
      latest = progress;
      const now = Date.now();
      if (now - last >= 80 || progress.done === progress.total) {
        last = now;
        draw();
      }
    },
    finish() {
      clearInterval(timer);
      stream.write("\r\x1b[2K");
    },
  };
}
