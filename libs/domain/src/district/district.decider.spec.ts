import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { type DistrictEvent, districtDecider } from './district.decider.js';

const districts = specFor(districtDecider);
const add = { type: 'AddDistrict' as const, municipality: '1480', code: '1480-01', name: ' Centrum ', knownCodes: ['1480', '14'] };
const added: DistrictEvent = { type: 'DistrictAdded', data: { municipality: '1480', code: '1480-01', name: 'Centrum' } };

describe('districts', () => {
  it('adds a district under its city', () => {
    districts().when(add).then([added]);
  });

  it('names a code outside the city and an empty name', () => {
    districts().when({ ...add, code: '0180-01', name: '' }).thenThrows('validation-failed', ['code', 'name']);
  });

  it('refuses a code already known, shipped or added', () => {
    districts([added]).when(add).thenThrows('district-exists');
    districts().when({ ...add, knownCodes: ['1480-01'] }).thenThrows('district-exists');
  });
});
