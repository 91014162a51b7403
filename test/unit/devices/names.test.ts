import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carriedDeviceNames, deviceNames, deviceRowSchema, shortDeviceId } from '../../../shared/devices/names';
import type { Change } from '../../../shared/sync/change';
import { checkDeviceName, DEVICE_NAME_MAX, deviceNameSchema } from '../../../shared/sync/pcName';
import { formatStamp } from '../../../shared/sync/hlc';
import type { MergedRow } from '../../../shared/sync/row';

const A = '9bc5df979c357859';
const B = '00000000000000b2';
const nameRow = (id: string, name: string, writtenBy = id, extra: Partial<MergedRow> = {}): MergedRow => ({
  id,
  name,
  _clock: { name: formatStamp(1_000, 0, writtenBy) },
  ...extra,
});

describe('a PC name as typed', () => {
  it('is tidied: spaces around it dropped, runs of spaces made one', () => {
    expect(checkDeviceName('  轮台镇团委   1号机 ')).toEqual({ ok: true, name: '轮台镇团委 1号机' });
    expect(checkDeviceName('بۈگۈر ناھىيەلىك كومىتېت\t2')).toEqual({ ok: true, name: 'بۈگۈر ناھىيەلىك كومىتېت 2' });
  });

  it('is refused, with a reason, when empty, too long or carrying control or direction characters', () => {
    expect(checkDeviceName('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkDeviceName('机'.repeat(DEVICE_NAME_MAX + 1))).toEqual({ ok: false, reason: 'too-long' });
    expect(checkDeviceName('机'.repeat(DEVICE_NAME_MAX))).toMatchObject({ ok: true });
    for (const hidden of ['\u202E', '\u2066', '\u200F', '\u0000', '\u061C']) {
      expect(checkDeviceName(`县团委${hidden}1号机`)).toEqual({ ok: false, reason: 'control-characters' });
    }
  });

  it('once accepted, is accepted again unchanged and passes the schema that guards the table and the manifest', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (typed) => {
        const checked = checkDeviceName(typed);
        if (!checked.ok) return;
        expect(checkDeviceName(checked.name)).toEqual(checked);
        expect(deviceNameSchema.safeParse(checked.name).success).toBe(true);
      }),
    );
  });

  it('is refused by the schema when not tidied, so no other writer can store one the app would not', () => {
    expect(deviceNameSchema.safeParse(' 县团委').success).toBe(false);
    expect(deviceNameSchema.safeParse('县团委  1号机').success).toBe(false);
    expect(deviceRowSchema.safeParse({ id: 'not-a-device', name: '县团委' }).success).toBe(false);
  });
});

describe('PC names read from the device table', () => {
  it('count a name only when the PC it names wrote it', () => {
    const names = deviceNames([nameRow(A, '县团委 1号机'), nameRow(B, '冒名的电脑', A)]);
    expect([...names]).toEqual([[A, '县团委 1号机']]);
  });

  it('leave out a deleted row', () => {
    expect(deviceNames([nameRow(A, '县团委 1号机', A, { _deleted: true })]).size).toBe(0);
  });

  it('shorten an unnamed PC to the first six digits of its id', () => {
    expect(shortDeviceId(A)).toBe('9bc5df');
  });
});

describe('PC names carried by changes not applied yet', () => {
  const nameChange = (device: string, row: string, name: unknown, ms: number): Change => ({
    id: formatStamp(ms, 0, device),
    hlc: formatStamp(ms, 0, device),
    device,
    author: 'a',
    table: 'device',
    row,
    fields: { name },
    base: {},
    scope: 'AA',
    schema: 1,
  });

  it('name a PC by what it wrote about itself, the latest stamp winning whatever the order', () => {
    const older = nameChange(A, A, '县团委 1号机', 1_000);
    const newer = nameChange(A, A, '县团委 2号机', 2_000);
    fc.assert(
      fc.property(fc.shuffledSubarray([older, newer], { minLength: 2, maxLength: 2 }), (changes) => {
        expect([...carriedDeviceNames(changes)]).toEqual([[A, '县团委 2号机']]);
      }),
    );
  });

  it('ignore a name one PC writes for another, a malformed name and other tables', () => {
    const forged = nameChange(A, B, '冒名的电脑', 1_000);
    const malformed = nameChange(B, B, ' 县团委\u202E', 1_000);
    const other = { ...nameChange(B, B, '县团委', 1_000), table: 'org' };
    expect(carriedDeviceNames([forged, malformed, other]).size).toBe(0);
  });
});
