"""The rules, one module per group of the law (see the module docstrings for the units each encodes).

a entry.py         entry conditions for each form of education (art. 67 ust. 4, 71 ust. 2, 72 ust. 2, 73 ust. 2)
b funding.py       publicly funded specializations (art. 70 ust. 5–7)
c qualification.py qualification procedure: entrance exam, its exemption, commission, supplementary round (§ 3, 5, 21, 28)
d credits.py       zaliczenia towards a specialization (§ 4 ust. 2–7) and a qualification course (§ 22 ust. 2)
e exemption.py     zwolnienie from the specialization (art. 67 ust. 3, § 5)
f state_exam.py    the state exam: admission, sessions and dated steps, retakes, the commission (§ 9–19)
g courses.py       course exams: admission and the retake limit (§ 26, 27, 32, 33)
h durations.py     planned durations, the EKK, the organizer's notice to CMKP (§ 4 ust. 1, 7, 13 ust. 2, 22, 30, 36)
i leaders.py       who may be kierownik specjalizacji or kierownik kursu (§ 6, § 23)
j transitional.py  training begun before 2026-01-20 (§ 37)
  employment.py    training while employed: referral, training leave, repayment (art. 61–65; rule R25)
"""
