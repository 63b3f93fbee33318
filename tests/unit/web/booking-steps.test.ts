import { describe, expect, it } from 'vitest';
import { contactFieldsOf } from '../../../web/src/lib/bookings';
import { stepPageHref, type WorkflowTaskView } from '../../../web/src/lib/workflows';

describe('the card the screening step starts from', () => {
  it('takes a contact line with @ as the email, anything else as the phone', () => {
    expect(contactFieldsOf({ name: '林晓溪', contact: 'lin@example.cn' })).toEqual({
      name: '林晓溪',
      phone: '',
      email: 'lin@example.cn',
      emergencyContact: '',
    });
    expect(contactFieldsOf({ name: '林晓溪', contact: 'wx: linxx_88' })).toEqual({
      name: '林晓溪',
      phone: 'wx: linxx_88',
      email: '',
      emergencyContact: '',
    });
  });
});

describe('which inbox tasks open a step page', () => {
  const task = (action: WorkflowTaskView['action']) =>
    ({ id: '3f0c6a52-9d7e-4c41-8f0e-2b7f4d5e6a10', action }) as WorkflowTaskView;

  it('opens the booking steps on their page and leaves the others to the inbox', () => {
    for (const action of ['screen_booking', 'match_counselor', 'open_case', 'notify_client'] as const) {
      expect(stepPageHref(task(action))).toBe('/tasks/3f0c6a52-9d7e-4c41-8f0e-2b7f4d5e6a10');
    }
    expect(stepPageHref(task('archive_case'))).toBeNull();
    expect(stepPageHref(task(null))).toBeNull();
  });
});
