package cloudformation

import (
	"math/big"
	"net/netip"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// cidr evaluates Fn::Cidr [ipBlock, count, cidrBits]: count consecutive
// subnets of ipBlock with cidrBits host bits each.
func (t *template) cidr(v val) *yaml.Node {
	a, ok := t.args(v, "Fn::Cidr", 3)
	if !ok {
		return nil
	}
	var s [3]string
	for i := range a {
		if s[i], ok = t.evalString(a[i]); !ok {
			return nil
		}
	}
	block, err := netip.ParsePrefix(s[0])
	if err != nil {
		t.fail(a[0], "Fn::Cidr: %v", err)
		return nil
	}
	count, err1 := strconv.Atoi(s[1])
	bits, err2 := strconv.Atoi(s[2])
	total := block.Addr().BitLen()
	prefix := total - bits
	if err1 != nil || err2 != nil || count < 1 || count > 256 || bits < 0 || prefix < block.Bits() ||
		big.NewInt(int64(count-1)).BitLen() > prefix-block.Bits() {
		t.fail(v, "Fn::Cidr: cannot make %s subnets of %s host bits in %s", s[1], s[2], s[0])
		return nil
	}
	base := new(big.Int).SetBytes(block.Masked().Addr().AsSlice())
	step := new(big.Int).Lsh(big.NewInt(1), uint(bits))
	var items []*yaml.Node
	for i := range count {
		n := new(big.Int).Add(base, new(big.Int).Mul(step, big.NewInt(int64(i))))
		buf := n.FillBytes(make([]byte, total/8))
		addr, _ := netip.AddrFromSlice(buf)
		items = append(items, str(netip.PrefixFrom(addr, prefix).String(), v.n))
	}
	return seq(items, v.n)
}
