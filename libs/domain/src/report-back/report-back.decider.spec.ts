import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { type IssueReportBack, reportBackDecider } from './report-back.decider.js';

const reportBack = specFor(reportBackDecider);
const hash = 'a'.repeat(64);
const issue: IssueReportBack = {
  type: 'IssueReportBack',
  reportBackId: 'rb-1',
  county: '20',
  from: '2017-09',
  to: '2018-02',
  title: ' Delrapport Sociala risker ',
  reference: 'Ku2017/01428/DISK',
  asOf: '2018-02-27T12:00:00.000Z',
  asOfPosition: '120',
  rendererVersion: 1,
  sha256: { md: hash, html: hash, pdf: hash, json: hash },
};
const { type: _type, ...data } = issue;

describe('report-back', () => {
  it('records what was issued: the range, the moment and the hash of each format', () => {
    reportBack().when(issue).then([{ type: 'ReportBackIssued', data: { ...data, title: 'Delrapport Sociala risker' } }]);
  });

  it('is issued once', () => {
    reportBack([{ type: 'ReportBackIssued', data }]).when(issue).thenThrows('report-back-issued');
  });

  it('names each malformed field', () => {
    reportBack()
      .when({ ...issue, from: '2018-03', to: '2018-02', title: ' ', sha256: { ...issue.sha256, pdf: 'xyz' } })
      .thenThrows('validation-failed', ['title', 'from', 'sha256.pdf']);
  });
});
