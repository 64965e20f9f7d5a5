package forms

// Problem codes: every Problem carries one, stable across versions, so scripts (hoso check --json),
// the review screen and the test corpus can tell kinds of problem apart without reading messages.

// Codes of the checks of answers, budget lines, attachments, eligibility and the rule pack.
const (
	CodeProgramme          = "programme"           // the programme is unknown
	CodeRequired           = "required"            // a required answer is missing
	CodeFormat             = "format"              // an answer is not in its format (date, money, code...)
	CodePhone              = "phone"               // the phone number is not a Vietnamese number
	CodeEmail              = "email"               // the email address is malformed
	CodeTaxCode            = "tax-code"            // the tax code is malformed or its check digit is wrong
	CodeTCVN3              = "tcvn3"               // text in the old TCVN3 (ABC) encoding
	CodeChoice             = "choice"              // a value not in the list of choices
	CodeBudgetLine         = "budget-line"         // a budget line is incomplete or out of range
	CodeAttachment         = "attachment"          // a required attachment is neither attached nor marked on paper
	CodeAttachmentUnknown  = "attachment-unknown"  // an attachment not in the programme's checklist has no title
	CodeDateOrder          = "date-order"          // dates out of order (see Review)
	CodeSchedule           = "schedule"            // a task of the schedule outside the project period
	CodeLetterYear         = "letter-year"         // the letter is dated after the plan year
	CodeFounded            = "founded"             // founded after the project starts
	CodeEmployees          = "employees"           // more insured employees than employees
	CodeFund               = "fund"                // no rule pack for the fund
	CodeBudget             = "budget"              // the budget cannot be computed
	CodeIneligibleCost     = "ineligible-cost"     // a cost type the pack does not support
	CodeEligibility        = "eligibility"         // an eligibility criterion fails
	CodeEligibilityUnknown = "eligibility-unknown" // an eligibility criterion cannot be decided
	CodeUnverified         = "unverified"          // the rule pack has unverified values
	CodeGender             = "gender"              // the representative's gender contradicts the citizen number
	CodeRulePackOverride   = "rule-pack-override"  // an imported pack stands in for a shipped one (--override)
)

// Codes of the officer's review (Review): what an appraising officer checks across the documents.
const (
	CodePlanYear        = "plan-year"        // the project period is not inside the plan year
	CodeRecipient       = "recipient"        // the letter is not addressed to the receiving province's Department
	CodeOldAddress      = "old-address"      // an address names a district or a province merged on 1/7/2025
	CodeForeignName     = "foreign-name"     // a narrative names another establishment or tax code
	CodeDuplicateLine   = "duplicate-line"   // the same budget line twice
	CodeMachineQuantity = "machine-quantity" // machines in the đề án and in the budget differ
	CodeSigner          = "signer"           // the signer is not the representative and has no authorisation
	CodeMachineNew      = "machine-new"      // a machine said new 100% is described as used, or its year is wrong
	CodeBankAccount     = "bank-account"     // the bank account number is malformed
)

// ReviewCodes lists the codes an appraising officer would raise: the review screen gathers them
// under "Cán bộ thẩm định sẽ hỏi".
func ReviewCodes() []string {
	return []string{CodeDateOrder, CodePlanYear, CodeRecipient, CodeOldAddress, CodeForeignName, CodeDuplicateLine,
		CodeMachineQuantity, CodeSigner, CodeMachineNew, CodeAttachment, CodePhone, CodeEmail, CodeBankAccount}
}

// IsReviewCode reports whether code is one of ReviewCodes.
func IsReviewCode(code string) bool {
	for _, c := range ReviewCodes() {
		if c == code {
			return true
		}
	}
	return false
}

// formatCode is the code of a format error of the field at path.
func formatCode(path string) string {
	switch path {
	case "enterprise.phone":
		return CodePhone
	case "enterprise.email":
		return CodeEmail
	case "enterprise.tax_code":
		return CodeTaxCode
	}
	return CodeFormat
}

// Text is the problem's message in the interface language: English when en and the check wrote
// one, else Vietnamese.
func (p Problem) Text(en bool) string {
	if en && p.MessageEN != "" {
		return p.MessageEN
	}
	return p.Message
}
