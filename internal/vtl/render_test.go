package vtl

import (
	"errors"
	"strings"
	"testing"

	"archway/internal/jsonvalue"
)

func render(t *testing.T, src string, vars map[string]any) (string, error) {
	t.Helper()
	tpl, err := Parse("test.vm", src)
	if err != nil {
		return "", err
	}
	out, err := tpl.Render(nil, vars)
	return string(out), err
}

func testVars() map[string]any {
	m := jsonvalue.NewMap(2)
	m.Put("k", "v")
	m.Put("n", int64(1))
	return map[string]any{
		"v": "V",
		"s": "x y",
		"n": int64(5),
		"l": jsonvalue.NewList(int64(1), "two", 3.0),
		"m": m,
	}
}

// Every expectation below was produced by Apache Velocity 1.7 through
// shared/oracle (aws null mode).
type renderCase struct{ name, src, want string }

func renderCases() []renderCase {
	return []renderCase{
		{"plain", "hello", "hello"},
		{"refs", "$v|$!v|${v}|$!{v}", "V|V|V|V"},
		{"undefined", "[$nope][$!nope][$nope.x.y]", "[][][]"},
		{"not a ref", "$5.00 $ $$ a$ $-a $1 ${} $!{}", "$5.00 $ $$ a$ $-a $1 ${} $!{}"},
		{"dash ident", "#set($a = 5)[$a-1][$a - 1][${a}-1]", "[][5 - 1][5-1]"},
		{"underscore ident", "#set($_a = 1)$_a", "1"},
		{"dot without ident", "$v. $v.1", "V. V.1"},
		{"braced chain", "${v.length()} ${v}.length()", "1 V.length()"},
		{"escape ref", `\$v|\\$v|\\\$v|\\\\$v`, `$v|\V|\$v|\\V`},
		{"escape undefined", `\$nope|\$!nope`, `$nope|$!nope`},
		{"escape directive", `\#if(true) \#end`, `#if(true) #end`},
		{"escape set", `\#set($x = 1)`, `#set( = 1)`},
		{"double backslash directive", `\\#if(true)b#end`, `\b`},
		{"lone backslashes", `\v \ \\ x`, `\v \ \\ x`},
		{"unparsed", "#[[ $v #if ]]#|", " $v #if |"},
		{"line comment", "a ## c\nb", "a b"},
		{"block comment", "a#* x\ny *#b", "ab"},
		{"set", "#set($x = 1)$x", "1"},
		{"set spaces", "#set ( $x = 1 ) $x", " 1"},
		{"set braced", "#{set}($x = 2)$x", "2"},
		{"set null keeps", "#set($x = 'old')#set($x = 1 / 0)$x", "old"},
		{"set undefined stores empty", "#set($x = 'old')#set($x = $nope)[$x]", "[]"},
		{"set swallows leading blanks", "  #set($a = 1)y", "y"},
		{"set keeps blanks after text", "a  #set($x = 1)b", "a  b"},
		{"set after newline keeps indent", "x\n\t#set($a=1)y", "x\n\ty"},
		{"set after ref swallows", "$v  #set($y = 1)|", "V|"},
		{"set eats newline", "#set($a=1)  \n  y", "  y"},
		{"set keeps spaces without newline", "#set($a=1)  y", "  y"},
		{"if", "#if(true)T#{else}F#end", "T"},
		{"if literal false", "#if('abc')S#{else}s#end#if(1)I#{else}i#end#if([1])L#{else}l#end", "sil"},
		{"if ref truthy", "#set($e = '')#set($z = 0)#if($e)E#end#if($z)Z#end", "EZ"},
		{"if undefined true", "#if($nope)T#{else}F#end|#if(!$nope)T#{else}F#end", "T|F"},
		{"if arithmetic false", "#if(1 + 1)T#{else}F#end", "F"},
		{"if paren", "#if((true))T#end", "T"},
		{"elseif", "#if(false)a#elseif(true)b#{else}c#end", "b"},
		{"else gobbles", "#if(false)a#else  \nb#end", "b"},
		{"else keeps space", "#if(false)a#else b#end", " b"},
		{"end gobbles", "#foreach($i in [1])x#end  \ny", "xy"},
		{"directive line indent", "{\n  #if(true)\n  \"a\": 1,\n  #end\n  #set($x = 1)\n  \"b\": $x\n}", "{\n    \"a\": 1,\n    \"b\": 1\n}"},
		{"crlf", "a\r\n#set($x = 1)\r\nb$x\r\n#if(true)\r\nc\r\n#end\r\nd", "a\r\nb1\r\nc\r\nd"},
		{"elsey is text", "#if(true)x#elsey#end", "x#elsey"},
		{"unknown directive", "#foo #foo() #bar(1) x#y #{foo}x #{}", "#foo #foo() #bar(1) x#y #{foo}x #{}"},
		{"word ops", "#if($n eq 5 and not false)y#end#if(5 gt 4 or false)z#end", "yz"},
		{"compare mixed", "#if('5' == 5)eq#end|#if(5 > '4')gt#{else}ngt#end|#if(1 == 1.0)f#end", "eq|ngt|f"},
		{"compare lists", "#if([1, 2] == [1, 2])L#end#if({'a': 1} == {'a': 1})M#end", "LM"},
		{"undefined equals empty", "#if($nope == '')a#end#if($nope == $nope2)b#end#if($nope != '')c#end", "ab"},
		{"int division", "#set($a = 7 / 2)#set($b = -7 / 2)#set($c = -7 % 3)$a|$b|$c", "3|-3|-1"},
		{"float", "#set($a = 7.0 / 2)#set($b = 1.0 * 3)#set($c = 0.1 + 0.2)$a|$b|$c", "3.5|3.0|0.30000000000000004"},
		{"float forms", "#set($a = 1e20 * 10)#set($b = 100000000.0)#set($c = 0.0001)$a|$b|$c", "1.0E21|1.0E8|1.0E-4"},
		{"overflow widens", "#set($a = 2147483647 + 1)#set($b = 9223372036854775807 + 1)#set($c = 9223372036854775807 * 2)$a|$b|$c", "2147483648|9223372036854775808|18446744073709551614"},
		{"precedence", "#set($a = 2 + 3 * 4)#set($b = (2 + 3) * 4)#set($c = 10 - 4 - 3)$a|$b|$c", "14|20|3"},
		{"concat", "#set($a = 'n' + 1)#set($b = 1 + 'n')#set($c = $v + $nope)$a|$b|$c", "n1|1n|V"},
		{"string minus is null", "#set($m = 'init')#set($m = '10' * 2)$m", "init"},
		{"interpolation", "#set($w = 'Ada')#set($d = \"Hi $w (${w})!\")#set($q = 'Hi $w')$d|$q", "Hi Ada (Ada)!|Hi $w"},
		{"string escapes", `#set($a = "a\nb")#set($b = "a""b")#set($c = 'a''b')#set($d = "a\u0041b")$a|$b|$c|$d`, `a\nb|a"b|a'b|aAb`},
		{"directive in string", "#set($x = \"#if(true)T#end\")$x", "T"},
		{"list and map", "#set($l = [1, 'two', 3.0])#set($m = {'k': 'v', 'n': 2})$l|$m|$l.size()|$m.n", "[1, two, 3.0]|{k=v, n=2}|3|2"},
		{"range", "#foreach($i in [3..1])$i#end|#foreach($i in [-1..1])$i#end", "321|-101"},
		{"foreach vars", "#foreach($x in ['a', 'b'])$x:$foreach.index:$foreach.count:$velocityCount:$foreach.first:$foreach.last #end", "a:0:1:1:true:false b:1:2:2:false:true "},
		{"foreach restores", "#foreach($i in [1..2])#end[$i]#set($i = 'o')#foreach($i in [1..2])$i#end[$i]", "[]12[o]"},
		{"foreach map values", "#foreach($v in $m)[$v]#end", "[v][1]"},
		{"foreach nothing", "[#foreach($x in 'str')X#end][#foreach($x in $nope)X#end]", "[][]"},
		{"foreach limit", "#set($n = 0)#foreach($i in [1..1500])#set($n = $n + 1)#end$n", "1000"},
		{"break", "#foreach($i in [1..5])#if($i == 3)#break#end$i#end", "12"},
		{"break parent", "#foreach($i in [1..3])#foreach($j in [1..3])#if($j == 2)#break($foreach.parent)#end$i$j #end#end", "11 "},
		{"stop", "before #stop after", "before "},
		{"scope prints", "#foreach($i in [1])$foreach#end", "{}"},
		{"macro", "#macro(tag $name $value)<$name>$value</$name>#end#tag('a' 1)#tag('b', 'two')", "<a>1</a><b>two</b>"},
		{"macro forward", "#later('x')#macro(later $v)L($v)#end#later('y')", "L(x)L(y)"},
		{"macro missing arg", "#macro(two $a $b)[$a|$b]#end#two('x')", "[x|]"},
		{"macro recursion", "#macro(count $n)$n#if($n > 1)#set($m = $n - 1)#count($m)#end#end#count(5)", "54321"},
		{"macro no local scope", "#set($v = 'outer')#macro(m $v)[$v]#set($v = 'inner')#end#m('arg')$v", "[arg]inner"},
		{"macro without parens", "#macro(m)M#end#m  \n|", "M  \n|"},
		{"block macro", "#macro(wrap $t)<$t>$!bodyContent</$t>#end#@wrap('b')bold#end", "<b>bold</b>"},
		{"define", "#define($g)Hello $who#end#set($who = 'Ada')$g #set($who = 'Bob')$g", "Hello AdaHello Bob"},
		{"evaluate", "#set($t = '#set($z = 3)z=$z')#evaluate($t)", "z=3"},
		{"index", "$l[0]|$l[-1]|$m['k']|$v[0]", "1|3.0|v|"},
		{"index set", "#set($x = ['a', 'b'])#set($x[1] = 'B')#set($mm = {})#set($mm.a = 1)#set($mm['b'] = 2)$x$mm", "[a, B]{a=1, b=2}"},
		{"list methods", "#set($x = [])$x.add('x')#set($ok = $x.add('y'))$x.add(0, 'w')|$x|$x.remove(0)|$x.remove('zzz')|$x", "true|[w, x, y]|w|false|[x, y]"},
		{"map methods", "#set($mm = {'a': 1})[$mm.put('b', 2)][$mm.put('a', 9)][$mm.remove('b')]$mm|$mm.keySet()|$mm.containsKey('a')", "[][1][2]{a=9}|[a]|true"},
		{"entry set", "#set($mm = {'a': 1, 'b': 2})#foreach($e in $mm.entrySet())$e.key=$e.value;#end", "a=1;b=2;"},
		{"unknown method", "[$v.nope()][$foreach.stop()]", "[][]"},
		{"empty method parens", "$v()", "V()"},
		{"comment after ref", "$v##c\nX|${v}##c\nX|$v.length()##c\nX", "VX|VX|1X"},
		{"no comment after property", "$m.k##c\nX", "v##c\nX"},
		{"comment token after property", "$m.k##*c*#X", "vX"},
		{"stray dollar before directive", "$ #set($a=1)X|$#set($b=1)Y|$!#set($c=1)Z", "X|Y|Z"},
		{"stray dollar before text", "$ alone, $$, a$ b, {\"a\":\"$\"}", "$ alone, $$, a$ b, {\"a\":\"$\"}"},
		{"hash as text", "x # y|{\"a\":\"#\"}|# x|#1|#]|#(x)", "x # y|{\"a\":\"#\"}|# x|#1|#]|#(x)"},
		{"dollar and hash end a string literal", "#set($x = \"a#\")#set($y = \"b$\")#set($z = \"c$!\")$x$y$z", "a#b$c$"},
	}
}

func TestRender(t *testing.T) {
	for _, c := range renderCases() {
		t.Run(c.name, func(t *testing.T) {
			got, err := render(t, c.src, testVars())
			if err != nil {
				t.Fatalf("%q: %v", c.src, err)
			}
			if got != c.want {
				t.Errorf("%q\n got %q\nwant %q", c.src, got, c.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"#if($x == 1)yes", "line 1, column 16: #if started at line 1, column 1 has no #end"},
		{"a\n#end", "line 2, column 1: #end without a matching"},
		{"#set($x = 1)\n#set($y = -$x)", "line 2"},
		{"#set($x = 3 -1)", "expected ')'"},
		{"$v.substring($a + 1)", "expected ',' or ')'"},
		{"$v.length( )", "expected a value"},
		{"${v", "expected '}'"},
		{"$l[0", "expected ']'"},
		{"#else", "#else without a matching"},
		{"#macro(m $a)$a#end#m(,)", "line 1"},
		{"#set($n = {'a': 1}.size())$n", "line 1"},
		{"#if(true)x#endy", "has no #end"},
		{"a\\#if(true)b#end", "#end without a matching"},
		{"#* open", "unterminated comment"},
		{"a$", "ends with '$'"},
		{"a$!", "ends with '$'"},
		{"$v#", "ends with '#'"},
	}
	for _, c := range cases {
		_, err := Parse("t.vm", c.src)
		var te *Error
		if !errors.As(err, &te) || te.Kind != ParseError {
			t.Errorf("%q: want a parse error, got %v", c.src, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %q does not contain %q", c.src, err, c.want)
		}
		if !strings.Contains(err.Error(), "t.vm") {
			t.Errorf("%q: error %q does not name the template", c.src, err)
		}
	}
}

func TestRuntimeErrors(t *testing.T) {
	for _, src := range []string{
		"#set($l = [1, 2])$l[5]",
		"#set($l = [1])$l.get(3)",
		"#include('other.vm')",
		"#parse('other.vm')",
		"#macro(r)#r()#end#r()",
	} {
		_, err := render(t, src, nil)
		if err == nil {
			t.Errorf("%q: want an error", src)
		}
	}
}

func TestTemplateSizeLimit(t *testing.T) {
	_, err := Parse("big.vm", strings.Repeat("x", MaxTemplateSize+1))
	if err == nil || !strings.Contains(err.Error(), "300 KB") {
		t.Fatalf("want the 300 KB limit error, got %v", err)
	}
	if _, err := Parse("ok.vm", strings.Repeat("x", MaxTemplateSize)); err != nil {
		t.Fatalf("a template of exactly 300 KB must parse: %v", err)
	}
}

func TestSetWritesVars(t *testing.T) {
	vars := map[string]any{}
	if _, err := render(t, "#set($a = 'x')", vars); err != nil {
		t.Fatal(err)
	}
	if vars["a"] != "x" {
		t.Fatalf("vars[a] = %v", vars["a"])
	}
}

func TestReferences(t *testing.T) {
	cases := []struct {
		src  string
		name string
		want bool
	}{
		{`{"statusCode": 200}`, "context", false},
		{`$input.params('id')`, "input", true},
		{`$input.params('id')`, "context", false},
		{`#set($x = "$context.stage")`, "context", true},
		{`#macro(m)$stageVariables.a#end`, "stageVariables", true},
		{`#foreach($i in [1])$i#end`, "context", false},
		{`#evaluate('$x')`, "context", true},
		{`#set($s = "#evaluate('x')")`, "context", true},
	}
	for _, c := range cases {
		tpl, err := Parse("r", c.src)
		if err != nil {
			t.Fatal(err)
		}
		if got := tpl.References(c.name); got != c.want {
			t.Errorf("%q References(%q) = %v, want %v", c.src, c.name, got, c.want)
		}
	}
}
