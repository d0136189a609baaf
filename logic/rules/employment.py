"""Training while employed: the employer's referral, training leave and the repayment clause (rule R25).

Units: ustawa art. 61 ust. 3 (a nurse or midwife employed under a contract of employment trains on her request, on the
employer's referral), art. 61 ust. 4 (or without a referral, under a contract with the organizer), art. 62 ust. 1–2
(paid release from work and training leave; the employer may cover costs), art. 63 (without a referral: unpaid leave
or release, on agreement), art. 64 (a contract may oblige her to stay up to 3 years after the training, otherwise to
repay the costs), art. 65 ust. 1–2 (training leave up to 28 working days for the whole training, up to 6 working days
for the state exam).

Shown only when the person told us whether the employer refers her: these are her rights towards the employer, not
conditions of admission. The statute's text in the research notes is summarised (../shared/law/NOTES.md § 5), so the
decision names the units to read rather than quoting them.
"""
from __future__ import annotations

from datetime import date

from .. import parameters as P
from ..case import Case, Form
from ..decision import Decision, Outcome, Reason
from ..references import ustawa


def employer_decision(case: Case, as_of: date) -> Decision | None:
    referral = case.goal.employer_referral
    form = case.goal.form
    if referral is None or form is None:
        return None
    title = "Skierowanie przez pracodawcę, urlop szkoleniowy"
    if referral and form is Form.EGZAMIN_PANSTWOWY:
        # Art. 65 ust. 2: the training leave of a nurse referred to a specialization includes up to 6 working days
        # for the state exam; asked about the exam alone, that is the part of her rights that matters.
        exam_leave = P.value("exam_leave_working_days", as_of)
        return Decision(rule="a.employer_referral", group="a", title=title, outcome=Outcome.MEETS,
                        reasons=[Reason(code="exam_leave", text=(
                            f"Jeśli pracodawca skierował Cię na specjalizację, przed egzaminem państwowym przysługuje "
                            f"Ci płatny urlop szkoleniowy do {exam_leave} dni roboczych."))],
                        legal_basis=[ustawa(61, 3), ustawa(62, 1), ustawa(65, 2)],
                        documents=["Skierowanie od pracodawcy"], as_of=as_of)
    if referral:
        leave = P.value("training_leave_working_days", as_of)
        exam_leave = P.value("exam_leave_working_days", as_of)
        years = P.value("referral_contract_max_years", as_of)
        reasons = [
            Reason(code="paid_leave", text=(
                f"Ze skierowaniem pracodawcy przysługuje Ci płatne zwolnienie z części dnia pracy na zajęcia i urlop "
                f"szkoleniowy – łącznie do {leave} dni roboczych na całe kształcenie.")),
            Reason(code="employer_costs", text=(
                "Pracodawca może dodatkowo pokryć koszty (np. opłaty za kształcenie, przejazdy, zakwaterowanie) – "
                "zwykle na podstawie umowy.")),
            Reason(code="repayment", text=(
                f"Umowa może zobowiązać Cię do pozostania w pracy do {years} lat po ukończeniu kształcenia; jeśli "
                f"odejdziesz wcześniej za wypowiedzeniem albo porzucisz kształcenie bez uzasadnionej przyczyny, możesz "
                f"musieć zwrócić koszty (proporcjonalnie). Przeczytaj umowę przed podpisaniem.")),
        ]
        basis = [ustawa(61, 3), ustawa(62, 1), ustawa(62, 2), ustawa(64), ustawa(65, 1)]
        if form is Form.SPECJALIZACJA:
            reasons.insert(1, Reason(code="exam_leave", text=(
                f"Przed egzaminem państwowym przysługuje dodatkowo urlop szkoleniowy do {exam_leave} dni roboczych.")))
            basis.append(ustawa(65, 2))
        return Decision(rule="a.employer_referral", group="a", title=title, outcome=Outcome.MEETS, reasons=reasons,
                        legal_basis=basis, documents=["Skierowanie od pracodawcy", "Umowa z pracodawcą (jeśli ją zawierasz)"],
                        as_of=as_of)
    return Decision(rule="a.employer_referral", group="a", title=title, outcome=Outcome.ON_REQUEST,
                    reasons=[Reason(code="no_referral", text=(
                        "Bez skierowania możesz odbywać kształcenie na podstawie umowy z organizatorem kształcenia. "
                        "Na czas zajęć możesz uzgodnić z pracodawcą urlop bezpłatny lub zwolnienie z pracy bez prawa do "
                        "wynagrodzenia."))],
                    legal_basis=[ustawa(61, 4), ustawa(63)], as_of=as_of)
