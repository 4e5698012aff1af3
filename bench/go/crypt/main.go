// JGF section 2 Crypt, threaded, as dev.racecheck.bench.workloads.Crypt: IDEA encryption then decryption of size
// bytes; the 52 + 52 subkeys are read by every goroutine; two rounds of goroutines (encrypt, then decrypt), each
// over contiguous blocks of 8-byte blocks. Check: the round trip gives the input back and the ciphertext differs
// from it; checksum is a hash of the ciphertext.
package main

import (
	"fmt"
	"strconv"

	"racecheck.dev/bench/harness"
)

func main() {
	harness.Main("crypt", 20_000_000, run)
}

func run(size, threads int) (bool, string) {
	bytes := size / 8 * 8
	random := harness.NewSplitMix64(136506717)
	plain := make([]byte, bytes)
	for i := 0; i < bytes; i += 8 {
		v := random.Next()
		for k := 0; k < 8; k++ {
			plain[i+k] = byte(v >> (8 * k))
		}
	}
	userKey := make([]int, 8)
	for i := range userKey {
		userKey[i] = random.Intn(0x10000)
	}
	encryptKey := encryptionKey(userKey)
	decryptKey := decryptionKey(encryptKey)

	crypted := make([]byte, bytes)
	decrypted := make([]byte, bytes)
	blocks := bytes / 8
	harness.Parallel(threads, func(part int) {
		cipher(plain, crypted, encryptKey, harness.From(part, threads, blocks), harness.From(part+1, threads, blocks))
	})
	harness.Parallel(threads, func(part int) {
		cipher(crypted, decrypted, decryptKey, harness.From(part, threads, blocks), harness.From(part+1, threads, blocks))
	})

	same := 0
	var checksum uint64
	for i := 0; i < bytes; i++ {
		if decrypted[i] != plain[i] {
			return false, fmt.Sprintf("byte %d did not decrypt to the original", i)
		}
		if crypted[i] == plain[i] {
			same++
		}
		checksum = checksum*31 + uint64(crypted[i])
	}
	// About 1/256 of ciphertext bytes equal the plaintext by chance; many more would mean no encryption.
	ciphered := bytes == 0 || same < bytes/64+8
	return ciphered, fmt.Sprintf("%d bytes round-tripped, %d ciphertext bytes equal to the plaintext checksum=%s",
		bytes, same, strconv.FormatUint(checksum, 10))
}

// cipher runs blocks [from, to) of in through IDEA with the 52 subkeys key into out.
func cipher(in, out []byte, key []int, from, to int) {
	block := make([]int, 4)
	for b := from; b < to; b++ {
		at := b * 8
		for k := 0; k < 4; k++ {
			block[k] = int(in[at+2*k])<<8 | int(in[at+2*k+1])
		}
		encryptBlock(block, key)
		for k := 0; k < 4; k++ {
			out[at+2*k] = byte(block[k] >> 8)
			out[at+2*k+1] = byte(block[k])
		}
	}
}

// encryptBlock takes one 64-bit block as four 16-bit words through 8 rounds and the output transformation.
func encryptBlock(block []int, key []int) {
	x1, x2, x3, x4 := block[0], block[1], block[2], block[3]
	k := 0
	for round := 0; round < 8; round++ {
		x1 = mul(x1, key[k])
		x2 = (x2 + key[k+1]) & 0xFFFF
		x3 = (x3 + key[k+2]) & 0xFFFF
		x4 = mul(x4, key[k+3])
		p := mul(x1^x3, key[k+4])
		q := mul((p+(x2^x4))&0xFFFF, key[k+5])
		k += 6
		p = (p + q) & 0xFFFF
		x1 ^= q
		x4 ^= p
		x2, x3 = x3^q, x2^p
	}
	block[0] = mul(x1, key[k])
	block[1] = (x3 + key[k+1]) & 0xFFFF
	block[2] = (x2 + key[k+2]) & 0xFFFF
	block[3] = mul(x4, key[k+3])
}

// mul is multiplication modulo 2^16 + 1, where 0 stands for 2^16.
func mul(a, b int) int {
	if a == 0 {
		return (0x10001 - b) & 0xFFFF
	}
	if b == 0 {
		return (0x10001 - a) & 0xFFFF
	}
	product := int64(a) * int64(b)
	lo := int(product & 0xFFFF)
	hi := int(product >> 16)
	carry := 0
	if lo < hi {
		carry = 0x10001
	}
	return (lo - hi + carry) & 0xFFFF
}

// inverse is the multiplicative inverse modulo 2^16 + 1 (0 and 1 are their own), by extended Euclid.
func inverse(x int) int {
	if x <= 1 {
		return x
	}
	r0, r1 := 0x10001, x
	t0, t1 := 0, 1
	for r1 != 0 {
		q := r0 / r1
		r0, r1 = r1, r0-q*r1
		t0, t1 = t1, t0-q*t1
	}
	if t0 < 0 {
		return t0 + 0x10001
	}
	return t0
}

// encryptionKey gives the 52 subkeys: the 128-bit user key, rotated left by 25 bits for each further eight.
func encryptionKey(userKey []int) []int {
	z := make([]int, 52)
	for i := range z {
		bit := (16*(i%8) + 25*(i/8)) % 128
		value := 0
		for b := 0; b < 16; b++ {
			at := (bit + b) % 128
			value = value<<1 | (userKey[at/16]>>(15-at%16))&1
		}
		z[i] = value
	}
	return z
}

// decryptionKey gives the 52 decryption subkeys: each round's keys inverted, in reverse round order.
func decryptionKey(z []int) []int {
	d := make([]int, 52)
	for round := 0; round <= 8; round++ {
		e := 6 * (8 - round)
		o := 6 * round
		d[o] = inverse(z[e])
		first, second := 2, 1
		if round == 0 || round == 8 {
			first, second = 1, 2
		}
		d[o+1] = (0x10000 - z[e+first]) & 0xFFFF
		d[o+2] = (0x10000 - z[e+second]) & 0xFFFF
		d[o+3] = inverse(z[e+3])
		if round < 8 {
			d[o+4] = z[e-2]
			d[o+5] = z[e-1]
		}
	}
	return d
}
