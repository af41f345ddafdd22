package sdknames

// EnumNames returns the Go names the SDK gives the enums of some
// parameters, as "<operation id> <parameter>" -> name, where the rule of
// internal/specfix's short-enum-names step (<Resource><Param>, the resource
// from the tag) would mislead: the audit log is tagged accounts, but its
// include names a user of an audit log entry, not of an account.
// internal/specfix fails when an entry matches no parameter, so a stale
// entry cannot linger.
func EnumNames() map[string]string {
	out := make(map[string]string, len(enumNames))
	for k, v := range enumNames {
		out[k] = v
	}
	return out
}

var enumNames = map[string]string{
	"accounts_auditlog_index include":     "AuditLogInclude",
	"accounts_auditlog_index api-version": "AuditLogApiVersion",
}
