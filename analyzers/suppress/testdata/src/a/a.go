package a

func bad() int { return 0 }

func f() {
	bad() // want `FAKE1: bad call`

	bad() //sdl:ignore FAKE1 -- trailing directive covers its line

	//sdl:ignore FAKE1 -- own-line directive covers the next statement
	_ = bad() +
		bad()

	bad() // want `FAKE1: bad call`

	//sdl:ignore fake -- the analyzer name works too
	bad()

	//sdl:ignore FAKE2 -- another rule does not cover FAKE1
	bad() // want `FAKE1: bad call`

	//sdl:ignore FAKE1
	bad() // want `FAKE1: bad call`
}

//sdl:ignore FAKE1 -- a directive in a doc comment covers the declaration
func g() {
	bad()
	if true {
		bad()
	}
}

func h() {
	bad() // want `FAKE1: bad call`
}
