import type { Decider } from '../shared/decider.js';
import { ConflictError } from '../shared/domain-errors.js';
import { Problems } from '../shared/rules.js';

/** A city's districts beyond the shipped list, added by the admin: one stream per city. */
export const districtsStreamId = (municipality: string) => `districts-${municipality}`;

export interface AddDistrict {
  type: 'AddDistrict';
  municipality: string;
  code: string;
  name: string;
  /** Every org-unit code known when the district is added (the shipped lists and earlier additions). */
  knownCodes: string[];
}

export type DistrictEvent = { type: 'DistrictAdded'; data: { municipality: string; code: string; name: string } };

export const districtDecider: Decider<AddDistrict, DistrictEvent, { added: string[] }> = {
  initialState: () => ({ added: [] }),
  evolve: (state, event) => ({ added: [...state.added, event.data.code] }),
  decide: (command, state) => {
    const { municipality, code } = command;
    new Problems()
      .check(new RegExp(`^${municipality}-\\d{2}$`).test(code), 'code', `must be the city's code and a two-digit number, e.g. ${municipality}-01`)
      .text(command.name, 'name', 200)
      .throwIfAny('The district is not well described');
    if (state.added.includes(code) || command.knownCodes.includes(code)) throw new ConflictError('district-exists', `There is already an org unit ${code}.`);
    return [{ type: 'DistrictAdded', data: { municipality, code, name: command.name.trim() } }];
  },
};
