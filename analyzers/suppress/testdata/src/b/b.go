package b

// want +1 `SDL002: directive suppresses nothing: FAKE2`
//sdl:file-ignore FAKE2 -- nothing in this file needs it

func bad() int { return 0 }

func f() {
	// want +1 `SDL001: directive needs a reason`
	//sdl:ignore FAKE1
	bad()

	// want +1 `SDL001: directive names unknown rule NOPE1`
	//sdl:ignore NOPE1 -- typo
	bad()

	// want +1 `SDL002: directive suppresses nothing: FAKE2`
	//sdl:ignore FAKE1,FAKE2 -- FAKE1 is used, FAKE2 is not
	bad()

	// want +1 `SDL002: directive suppresses nothing: FAKE1`
	//sdl:ignore FAKE1 -- nothing to suppress on the next line
	println()

	//sdl:ignore DISABLED -- its rule did not run, so it is not reported as unused
	println()

	// want +1 `SDL001: directive names no rule`
	//sdl:ignore -- names nothing
	bad()
}
