-- The working calendar as data (docs/calendar.md): per date either a public holiday (a day off,
-- including the compensatory days off the Government announces) or a swapped working day (a
-- Saturday or Sunday declared a working day). Days not listed follow the week: Monday to Friday
-- work, Saturday and Sunday off. Runs on MySQL 8 and MariaDB 10.6+. Text is utf8mb4.

CREATE TABLE calendar_day (
  calendar_date DATE         NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  name          VARCHAR(200) NULL,
  PRIMARY KEY (calendar_date),
  CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKING_DAY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row: bumped on every change of the calendar, so that each node of a cluster knows when to
-- re-read it (the same idea as catalogue_state).
CREATE TABLE calendar_state (
  id         TINYINT      NOT NULL,
  revision   BIGINT       NOT NULL,
  changed_at DATETIME(3)  NOT NULL,
  changed_by VARCHAR(100) NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO calendar_state (id, revision, changed_at, changed_by)
VALUES (1, 1, CURRENT_TIMESTAMP(3), 'V2__working_calendar');

-- 2026, as announced (Labour Code 2019 Art. 112 and the Prime Minister's decision on Tết):
-- Tết Nguyên Đán off from Saturday 14 to Sunday 22 February (Lunar New Year's Day is Tuesday
-- 17 February); Hùng Kings' day (10th day of the 3rd lunar month) falls on Sunday 26 April, so
-- Monday 27 April is off in compensation; 30 April and 1 May are Thursday and Friday; National
-- Day 2 September (Wednesday) with Tuesday 1 September. No swapped working day.
INSERT INTO calendar_day (calendar_date, kind, name) VALUES
  ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch'),
  ('2026-02-14', 'HOLIDAY', 'Tết Nguyên Đán (27 tháng Chạp)'),
  ('2026-02-15', 'HOLIDAY', 'Tết Nguyên Đán (28 tháng Chạp)'),
  ('2026-02-16', 'HOLIDAY', 'Tết Nguyên Đán (29 tháng Chạp, giao thừa)'),
  ('2026-02-17', 'HOLIDAY', 'Tết Nguyên Đán (mùng 1)'),
  ('2026-02-18', 'HOLIDAY', 'Tết Nguyên Đán (mùng 2)'),
  ('2026-02-19', 'HOLIDAY', 'Tết Nguyên Đán (mùng 3)'),
  ('2026-02-20', 'HOLIDAY', 'Tết Nguyên Đán (mùng 4)'),
  ('2026-02-21', 'HOLIDAY', 'Tết Nguyên Đán (mùng 5)'),
  ('2026-02-22', 'HOLIDAY', 'Tết Nguyên Đán (mùng 6)'),
  ('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  ('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
  ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)'),
  ('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)'),
  ('2026-09-01', 'HOLIDAY', 'Quốc khánh (nghỉ liền kề)'),
  ('2026-09-02', 'HOLIDAY', 'Quốc khánh (2/9)');

-- 2027, as the Labour Code gives it; the Government's decision was not yet published when this
-- was written, so an administrator must check it (PUT /api/v1/calendar/2027) once it is.
-- Lunar New Year's Day is Saturday 6 February: five Tết days that are not weekend days, from
-- Thursday 4 to Wednesday 10 February (as for Tết 2024, which had the same shape); Hùng Kings'
-- day Friday 16 April; 30 April Friday; 1 May Saturday, Monday 3 May off in compensation;
-- National Day Thursday 2 September with Friday 3 September.
INSERT INTO calendar_day (calendar_date, kind, name) VALUES
  ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch'),
  ('2027-02-04', 'HOLIDAY', 'Tết Nguyên Đán (trước Tết)'),
  ('2027-02-05', 'HOLIDAY', 'Tết Nguyên Đán (giao thừa)'),
  ('2027-02-06', 'HOLIDAY', 'Tết Nguyên Đán (mùng 1)'),
  ('2027-02-07', 'HOLIDAY', 'Tết Nguyên Đán (mùng 2)'),
  ('2027-02-08', 'HOLIDAY', 'Tết Nguyên Đán (mùng 3)'),
  ('2027-02-09', 'HOLIDAY', 'Tết Nguyên Đán (mùng 4)'),
  ('2027-02-10', 'HOLIDAY', 'Tết Nguyên Đán (mùng 5)'),
  ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  ('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)'),
  ('2027-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)'),
  ('2027-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế Lao động'),
  ('2027-09-02', 'HOLIDAY', 'Quốc khánh (2/9)'),
  ('2027-09-03', 'HOLIDAY', 'Quốc khánh (nghỉ liền kề)');
