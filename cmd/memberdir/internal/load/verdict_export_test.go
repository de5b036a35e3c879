package load

// VerdictProfiles returns the profiles of load's tests, with the language
// of each, for TestVerdict in package load_test, which may import site
// (package load may not).
func VerdictProfiles() (names, langs, profiles []string) {
	for _, cases := range [][]profileCase{profileCases, frontMatterCases} {
		for _, c := range cases {
			lang := c.lang
			if lang == "" {
				lang = "en"
			}
			names = append(names, c.name)
			langs = append(langs, lang)
			profiles = append(profiles, string(c.data()))
		}
	}
	return names, langs, profiles
}
