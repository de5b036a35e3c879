package member

import (
	"net/url"
	"strings"
)

// Config is the site's config.yaml after defaults are applied.
type Config struct {
	Title       string
	Description string
	// BaseURL is absolute and ends in a slash; it may carry a path, as
	// GitHub project pages do (https://org.github.io/directory/).
	BaseURL   string
	Language  string // "de" or "en"
	Organiser Organiser
	// EditURL is the pattern of a profile's "edit" link, with {path}
	// replaced by the file's path in the repository.
	EditURL             string
	Categories          []ConfigCategory
	ExclusiveCategories bool
	Privacy             Privacy
	Footer              []Link
	Strings             map[string]string // UI string overrides by key
	StringsPos          map[string]Pos    // where config.yaml sets each, for errors
	TextsPos            map[string]Pos    // where config.yaml sets each e-mail text ("referral.subject", …), for errors
	Referral            Referral
	ContactSubject      string // subject template of a direct contact e-mail
	LinkParams          string // query added to members' website links, e.g. "ref=netzwerk"; "" for none
	PageSize            int    // members a list page shows before the list is paged
	ExtraFields         []ExtraField
	Theme               Theme

	// Path is the file the config came from, "" when defaults were used.
	Path string
}

// Theme is the network's own look: its brand colour and logo.
type Theme struct {
	// Color is the accent colour as "#rrggbb", "" for the default theme's;
	// it is checked to keep WCAG AA contrast on white.
	Color string
	// Logo is the path of the logo file in the site's folder, "" for none;
	// LogoPos is where config.yaml names it, for errors about the file.
	Logo    string
	LogoPos Pos
}

// Organiser is the person who runs the directory: the "join" and questions
// contact. GitHub lists the user names allowed to change any profile.
type Organiser struct {
	Name   string
	Email  string
	GitHub []string
}

// ConfigCategory is one entry of the controlled category list.
type ConfigCategory struct {
	ID    string
	Label string
}

// Privacy holds the site's privacy switches.
type Privacy struct {
	NoIndex        bool // ask search engines not to index the site
	ObfuscateEmail bool // keep addresses out of the HTML source
}

// Link is a labelled URL, e.g. a footer link to the imprint.
type Link struct {
	Label string
	URL   string
	Pos   Pos // where config.yaml gives the URL, for errors
}

// Referral holds the templates of the referral e-mails; empty fields fall
// back to the bundled texts of the site's language.
type Referral struct {
	Subject    string
	Body       string
	CcMember   bool
	AskSubject string
	AskBody    string
	CardBody   string // the short introduction behind a card's button
}

// ExtraField is a profile field a site adds for its own templates.
type ExtraField struct {
	Name  string
	Label string
	Type  string // "string", "url" or "list"
}

// DefaultPageSize is how many members the home page lists before it pages.
const DefaultPageSize = 300

// DefaultConfig returns the settings of a site without config.yaml.
func DefaultConfig() Config {
	return Config{
		Title:    "Mitgliederverzeichnis",
		BaseURL:  "/",
		Language: "de",
		Referral: Referral{CcMember: true},
		PageSize: DefaultPageSize,
	}
}

// BasePath returns the path part of BaseURL, ending in "/": "/" for a
// site at the root of its host, "/verzeichnis/" for one below it, as on
// GitHub project pages. Every link within the site starts with it.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.EscapedPath() == "" {
		return "/"
	}
	p := u.EscapedPath()
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// Category returns the configured category with the given ID, or nil.
func (c *Config) Category(id string) *ConfigCategory {
	for i := range c.Categories {
		if c.Categories[i].ID == id {
			return &c.Categories[i]
		}
	}
	return nil
}
