import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { type SupportCaseCommand, ValidationError, caseAccessDecider, supportCaseAccessStreamId, supportCaseDecider, supportCaseStreamId, swedishDate } from '@lagesbild/domain';
import { type CommandContext, handleCommand, readEvents, uuidFrom } from '@lagesbild/event-store';
import { SUBJECT_VAULT, type SubjectVault } from '@lagesbild/personal-data';
import { FeatureCommand, FeatureHandler, type Written, causedBy, written } from '../http/feature-command.js';
import { newAggregateId } from '../http/new-id.js';

type Subject = { name: string; personalIdentityNumber?: string; notes?: string };
type OnCase<C> = Omit<C, 'today'> & { caseId: string };
type Request =
  | { type: 'OpenSupportCase'; municipality: string; category: string; requestedSupport: string; subject?: Subject }
  | OnCase<Extract<SupportCaseCommand, { type: 'RecordConsultation' }>>
  | OnCase<Extract<SupportCaseCommand, { type: 'ReferSupportCase' }>>
  | OnCase<Extract<SupportCaseCommand, { type: 'CloseSupportCase' }>>
  | OnCase<Extract<SupportCaseCommand, { type: 'EraseSubject' }>>
  | { type: 'RecordCaseAccess'; caseId: string; read: 'details' | 'access-log'; purpose?: string };

/** The subject's key is derived from the case, so the case alone finds it again. */
export const subjectIdOf = (caseId: string) => uuidFrom(`subject\u0000${caseId}`);

/** Support cases on a municipality's request: the subject sealed under a key of its own; every read logged. */
export class SupportCasesCommand extends FeatureCommand<Request> {}

@CommandHandler(SupportCasesCommand)
export class SupportCasesHandler extends FeatureHandler<SupportCasesCommand> {
  constructor(
    @Inject(SUBJECT_VAULT) private readonly vault: SubjectVault,
  ) {
    super();
  }

  async execute({ request, context }: SupportCasesCommand): Promise<Written> {
    const today = swedishDate(new Date());
    switch (request.type) {
      case 'OpenSupportCase':
        return this.open(request, context);
      case 'RecordConsultation':
      case 'ReferSupportCase': {
        const { caseId, ...command } = request;
        return this.onCase(caseId, { ...command, today }, context);
      }
      case 'CloseSupportCase': {
        const { caseId, ...command } = request;
        return this.onCase(caseId, command, context);
      }
      case 'EraseSubject': {
        const { caseId, ...command } = request;
        const answer = await this.onCase(caseId, command, { ...context, reason: command.legalBasis });
        // The erasure is recorded first, then the key destroyed: from now on nothing can open the subject.
        await this.vault.erase(subjectIdOf(caseId));
        return answer;
      }
      case 'RecordCaseAccess': {
        // A read is logged every time, never answered from an earlier one.
        const { type: _type, ...access } = request;
        return written(await handleCommand(this.store, caseAccessDecider, supportCaseAccessStreamId(request.caseId), { type: 'RecordCaseAccess', ...access }, causedBy(context)));
      }
    }
  }

  private async open({ municipality: code, subject, ...request }: Extract<Request, { type: 'OpenSupportCase' }>, context: CommandContext): Promise<Written> {
    const municipality = this.units.get(code);
    if (municipality?.kind !== 'municipality') throw new ValidationError('Not a municipality', [{ path: 'municipality', message: `${code} is not a municipality` }]);
    const caseId = newAggregateId(context, 'support-case');
    const subjectId = subjectIdOf(caseId);
    const sealed = subject
      ? {
          subjectId,
          sealed: await this.vault.seal(subjectId, {
            name: subject.name,
            ...(subject.personalIdentityNumber ? { personalIdentityNumber: subject.personalIdentityNumber } : {}),
            ...(subject.notes ? { notes: subject.notes } : {}),
          }),
        }
      : undefined;
    const command = {
      type: 'OpenSupportCase' as const,
      caseId,
      orgUnit: municipality.code,
      county: municipality.parent!,
      category: request.category,
      requestedSupport: request.requestedSupport,
      ...(sealed ? { subject: sealed } : {}),
      today: swedishDate(new Date()),
    };
    try {
      return await this.onCase(caseId, command, context);
    } catch (error) {
      // Nothing was recorded: the key of a subject that was never stored goes too.
      if (sealed && (await readEvents(this.store, supportCaseStreamId(caseId))).length === 0) await this.vault.erase(subjectId);
      throw error;
    }
  }

  private async onCase(caseId: string, command: SupportCaseCommand, context: CommandContext): Promise<Written> {
    return written(await handleCommand(this.store, supportCaseDecider, supportCaseStreamId(caseId), command, context), caseId);
  }
}
