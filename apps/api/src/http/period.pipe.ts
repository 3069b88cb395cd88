import { Injectable, type PipeTransform } from '@nestjs/common';
import { assertPeriod } from '@lagesbild/domain';

/** A `{period}` path value: a month, `YYYY-MM`, else 400 naming `period`. */
@Injectable()
export class PeriodPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    assertPeriod(value);
    return value;
  }
}
