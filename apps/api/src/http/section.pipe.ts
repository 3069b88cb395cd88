import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@lagesbild/domain';

/** A `{section}` path value of the report-back: 1–15, else 400 naming `section`. */
@Injectable()
export class SectionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const section = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
    if (!(section >= 1 && section <= 15)) {
      throw new ValidationError('Bad section', [{ path: 'section', message: 'must be a whole number from 1 to 15' }]);
    }
    return section;
  }
}
