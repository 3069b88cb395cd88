/** One self-overwriting progress line on stderr (a plain line per update when not a terminal). */
export function progressLine(label: string): { update(done: number, total?: number, detail?: string): void; end(): void } {
  const started = Date.now();
  let last = 0;
  const tty = process.stderr.isTTY;
  return {
    update(done, total, detail) {
      const now = Date.now();
      if (now - last < 250 && (total === undefined || done < total)) return;
      last = now;
      const seconds = Math.max((now - started) / 1000, 0.001);
      const rate = done / seconds;
      const eta = total !== undefined && rate > 0 ? ` · ETA ${Math.ceil((total - done) / rate)} s` : '';
      const of = total !== undefined ? ` / ${total.toLocaleString('sv-SE')}` : '';
      const more = detail ? ` · ${detail}` : '';
      const text = `${label}: ${done.toLocaleString('sv-SE')}${of} · ${Math.round(rate).toLocaleString('sv-SE')}/s${more}${eta}`;
      process.stderr.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
