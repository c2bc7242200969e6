define hidden range(i32 4, 10) i32 @fvp_100b0_loop_sum(ptr %cpu) local_unnamed_addr #0 {
start:
  %pc.p5 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p5, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %start.exit_crit_edge

start.exit_crit_edge:                             ; preds = %start
  %instret.p.phi.trans.insert = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret.pre = load i64, ptr %instret.p.phi.trans.insert, align 8
  br label %exit

b_100b0:                                          ; preds = %entry.switch
  store i64 %x1018.pre, ptr %.phi.trans.insert34, align 8
  store i64 0, ptr %.phi.trans.insert, align 8
  %0 = icmp eq i64 %x1018.pre, 0
  %instret.p8 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret9 = load i64, ptr %instret.p8, align 8
  %instret.n10 = add i64 %instret9, 3
  br i1 %0, label %b_100bc, label %cont

b_100b6:                                          ; preds = %entry.switch.b_100b6_crit_edge, %loop_100b6
  %x1519 = phi i64 [ %x1519.pre, %entry.switch.b_100b6_crit_edge ], [ %x151935, %loop_100b6 ]
  %x1018 = phi i64 [ %x1018.pre, %entry.switch.b_100b6_crit_edge ], [ %x101832, %loop_100b6 ]
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %2 = getelementptr inbounds i8, ptr %cpu, i64 120
  %3 = add i64 %x1519, %x1018
  store i64 %3, ptr %1, align 8
  %4 = add i64 %x1519, -1
  store i64 %4, ptr %2, align 8
  %.not = icmp eq i64 %4, 0
  %instret.p29 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret30 = load i64, ptr %instret.p29, align 8
  %instret.n31 = add i64 %instret30, 3
  br i1 %.not, label %b_100bc, label %taken24

loop_100b6:                                       ; preds = %taken24, %cont
  %instret38 = phi i64 [ %instret.n31, %taken24 ], [ %instret.n10, %cont ]
  %x151935 = phi i64 [ %4, %taken24 ], [ %x1018.pre, %cont ]
  %x101832 = phi i64 [ %3, %taken24 ], [ 0, %cont ]
  %req15 = load volatile i32, ptr %req.p, align 4
  %"stop?17.not" = icmp eq i32 %req15, 0
  br i1 %"stop?17.not", label %b_100b6, label %exit

b_100bc:                                          ; preds = %b_100b6, %b_100b0
  %instret39 = phi i64 [ %instret.n10, %b_100b0 ], [ %instret.n31, %b_100b6 ]
  %5 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %5, align 8
  %6 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %start.exit_crit_edge, %loop_100b6, %b_100bc
  %instret = phi i64 [ %instret39, %b_100bc ], [ %instret.pre, %start.exit_crit_edge ], [ %instret38, %loop_100b6 ]
  %exit.pc = phi i64 [ %6, %b_100bc ], [ %pc, %start.exit_crit_edge ], [ 65718, %loop_100b6 ]
  %exit.reason = phi i32 [ 4, %b_100bc ], [ 9, %start.exit_crit_edge ], [ 9, %loop_100b6 ]
  %exit.count = phi i64 [ 1, %b_100bc ], [ 0, %start.exit_crit_edge ], [ 0, %loop_100b6 ]
  store i64 %exit.pc, ptr %pc.p5, align 8
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret.n = add i64 %instret, %exit.count
  store i64 %instret.n, ptr %instret.p, align 8
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65718
  %.phi.trans.insert = getelementptr inbounds i8, ptr %cpu, i64 80
  %x1018.pre = load i64, ptr %.phi.trans.insert, align 8
  %.phi.trans.insert34 = getelementptr inbounds i8, ptr %cpu, i64 120
  br i1 %cond, label %entry.switch.b_100b6_crit_edge, label %b_100b0

entry.switch.b_100b6_crit_edge:                   ; preds = %entry.switch
  %x1519.pre = load i64, ptr %.phi.trans.insert34, align 8
  br label %b_100b6

cont:                                             ; preds = %b_100b0
  store i64 %instret.n10, ptr %instret.p8, align 8
  br label %loop_100b6

taken24:                                          ; preds = %b_100b6
  store i64 %instret.n31, ptr %instret.p29, align 8
  br label %loop_100b6
}
