import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError, isPeriod } from '@lagesbild/domain';

/** A `{period}` path value: a month, `YYYY-MM`, else 400 naming `period`. */
@Injectable()
export class PeriodPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isPeriod(value)) throw new ValidationError('Bad period', [{ path: 'period', message: 'must be a month, YYYY-MM' }]);
    return value;
  }
}
