define hidden range(i32 4, 10) i32 @fvp_100b0_loop_sum(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %2, align 8, !tbaa !5
  %pc.p14 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p14, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

exit:                                             ; preds = %start, %b_100b6.preheader, %taken
  %x10.slot.1 = phi i64 [ %x10, %start ], [ 0, %taken ], [ %13, %b_100b6.preheader ]
  %x15.slot.1 = phi i64 [ %x15, %start ], [ 0, %taken ], [ 0, %b_100b6.preheader ]
  %exit.pc = phi i64 [ %pc, %start ], [ %15, %taken ], [ %14, %b_100b6.preheader ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %taken ], [ 4, %b_100b6.preheader ]
  store i64 %x10.slot.1, ptr %1, align 8, !tbaa !5
  store i64 %x15.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p14, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %3 = icmp eq i64 %x10, 0
  br i1 %3, label %taken, label %b_100b6.preheader

b_100b6.preheader:                                ; preds = %entry.switch
  %4 = add i64 %x10, -1
  %5 = mul i64 %4, %4
  %6 = zext i64 %4 to i65
  %7 = add i64 %x10, -2
  %8 = zext i64 %7 to i65
  %9 = mul i65 %6, %8
  %10 = lshr i65 %9, 1
  %11 = trunc nuw i65 %10 to i64
  %12 = add i64 %x10, %5
  %13 = sub i64 %12, %11
  %14 = and i64 %x1, -2
  br label %exit

taken:                                            ; preds = %entry.switch
  %15 = and i64 %x1, -2
  br label %exit
}
