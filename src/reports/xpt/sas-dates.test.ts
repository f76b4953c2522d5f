import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { headerToIso, isoToHeader } from './header-datetime.ts';
import { isoToSas, sasToIso, temporalTypeOfFormat } from './sas-dates.ts';

describe('SAS dates, datetimes and times', () => {
  it('counts from 1960-01-01 as SAS does', () => {
    // SAS: '01JAN1960'd = 0, '02JAN2014'd = 19725, '31DEC1959'd = -1; '01JAN1960:00:00:01'dt = 1.
    assert.equal(isoToSas('date', '1960-01-01'), 0);
    assert.equal(isoToSas('date', '2014-01-02'), 19725);
    assert.equal(isoToSas('date', '1959-12-31'), -1);
    assert.equal(isoToSas('datetime', '1960-01-01T00:00:01'), 1);
    assert.equal(isoToSas('datetime', '2014-01-02T12:30'), 19725 * 86400 + 45000);
    assert.equal(isoToSas('time', '12:30:00'), 45000);
    assert.equal(isoToSas('time', '00:00:00.25'), 0.25);
    assert.equal(sasToIso('date', 19725), '2014-01-02');
    assert.equal(sasToIso('datetime', 19725 * 86400 + 45000.5), '2014-01-02T12:30:00.5');
    assert.equal(sasToIso('time', 45000), '12:30:00');
  });

  it('refuses what is not a complete date, datetime or time', () => {
    for (const [type, text] of [
      ['date', '2014-02'],
      ['date', '2014-02-30'],
      ['date', '1928'],
      ['datetime', '2014-01-02'],
      ['datetime', '2014-01-02T25:00'],
      ['datetime', '2014-01-02T10:00+08:00'],
      ['time', '24:00'],
      ['time', 'noon'],
    ] as const)
      assert.equal(isoToSas(type, text), null, `${type} ${text}`);
    assert.equal(sasToIso('time', 90000), null);
    assert.equal(sasToIso('date', 1e9), null);
  });

  it('ISO → SAS → ISO is the identity for whole days and seconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 2_900_000 }), fc.integer({ min: 0, max: 86399 }), (day, second) => {
        const date = sasToIso('date', day)!;
        assert.equal(isoToSas('date', date), day);
        const datetime = sasToIso('datetime', day * 86400 + second)!;
        assert.equal(isoToSas('datetime', datetime), day * 86400 + second);
      }),
    );
  });

  it('tells date, datetime and time formats apart', () => {
    assert.equal(temporalTypeOfFormat('DATE'), 'date');
    assert.equal(temporalTypeOfFormat('e8601da'), 'date');
    assert.equal(temporalTypeOfFormat('YYMMDD'), 'date');
    assert.equal(temporalTypeOfFormat('DATETIME'), 'datetime');
    assert.equal(temporalTypeOfFormat('E8601DT'), 'datetime');
    assert.equal(temporalTypeOfFormat('TIME'), 'time');
    assert.equal(temporalTypeOfFormat('BEST'), null);
    assert.equal(temporalTypeOfFormat(''), null);
  });
});

describe('header datetimes (ddMMMyy:hh:mm:ss)', () => {
  it('reads and writes the pilot files’ stamp', () => {
    assert.equal(headerToIso('21AUG20:09:14:29'), '2020-08-21T09:14:29');
    assert.equal(isoToHeader('2020-08-21T09:14:29'), '21AUG20:09:14:29');
    assert.equal(isoToHeader('2020-08-21T09:14:29.123+02:00'), '21AUG20:09:14:29');
  });

  it('reads two-digit years in 1940–2039', () => {
    assert.equal(headerToIso('01JAN40:00:00:00'), '1940-01-01T00:00:00');
    assert.equal(headerToIso('31DEC39:23:59:59'), '2039-12-31T23:59:59');
    assert.equal(isoToHeader('1939-12-31T00:00:00'), null);
    assert.equal(isoToHeader('2040-01-01T00:00:00'), null);
  });

  it('refuses malformed stamps', () => {
    for (const text of ['21Aug20:09:14:29', '30FEB20:09:14:29', '21AUG20:24:00:00', '21AUG2020:09:14', '']) assert.equal(headerToIso(text), null, text);
  });
});
