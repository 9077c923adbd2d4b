package tui

import (
	"strings"
	"testing"
	"time"
)

// TestCountdown: the footer counts down the seconds left in the last 30
// seconds before the lock, and a key pressed starts the time again.
func TestCountdown(t *testing.T) {
	_, u, _ := testTUI(t)
	u.lockAfter = 40 * time.Second
	s := u.screen("pathway", newPager("a summary", "Enter"), nil)
	s.Init()
	if v := s.View(); strings.Contains(v, "closes in") || !strings.Contains(v, "Esc Esc") {
		t.Fatalf("a countdown 40 seconds before the lock:\n%s", v)
	}
	s.lastKey = time.Now().Add(-25 * time.Second)
	if v := s.View(); !strings.Contains(v, "closes in 15 s") {
		t.Fatalf("no countdown 15 seconds before the lock:\n%s", v)
	}
	s.lastKey = time.Now().Add(-45 * time.Second)
	s.Update(tickMsg(time.Now()))
	if s.Result() != Timeout {
		t.Fatal("not locked after the time")
	}
	if v := s.View(); v != "" {
		t.Fatalf("the locked screen still shows:\n%s", v)
	}
}
