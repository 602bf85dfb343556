package router

// Param is one path variable and the path text it matched.
type Param struct {
	Name  string
	Value string
}

// Params are the path variables of a match, in path order.
type Params []Param

// Get returns the value of the variable name and whether it exists.
func (ps Params) Get(name string) (string, bool) {
	for _, p := range ps {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}
