import type { FieldProblem } from './domain-error.js';
import { ValidationError } from './domain-errors.js';

/** Collects broken rules about fields and throws them together, each with its path. */
export class Problems {
  private readonly list: FieldProblem[] = [];

  add(path: string, message: string): this {
    this.list.push({ path, message });
    return this;
  }

  check(ok: boolean, path: string, message: string): this {
    return ok ? this : this.add(path, message);
  }

  text(value: string, path: string, max = 4000): this {
    return this.check(value.trim().length > 0 && value.length <= max, path, `must be a text of 1–${max} characters`);
  }

  wholeNumber(value: number, path: string, min: number, max: number): this {
    return this.check(Number.isInteger(value) && value >= min && value <= max, path, `must be a whole number from ${min} to ${max}`);
  }

  date(value: string, path: string): this {
    const ok = /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    return this.check(ok, path, 'must be a date, YYYY-MM-DD');
  }

  throwIfAny(message: string): void {
    if (this.list.length > 0) throw new ValidationError(message, this.list);
  }
}
