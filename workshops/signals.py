"""The workshops' facts, sent inside the transaction that records them (as courses' and
quizzes' signals are). workshops/xapi.py turns them into learning records."""

from django.dispatch import Signal

# A roll call: `session`, `moment` (when it was saved), and `changes`, one AttendanceChange
# per participant whose attendance started or stopped counting (present or late ↔ absent,
# excused).
attendance_changed = Signal()

# A paper test's score entered by a trainer: `result` (a TestResult).
paper_result_entered = Signal()
